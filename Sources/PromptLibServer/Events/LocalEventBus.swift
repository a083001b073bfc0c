import Foundation
import Synchronization

/// The ``EventBus`` of one process: each subscriber has a stream of its own, bounded so that a
/// subscriber that stops reading loses its oldest events instead of holding memory without end.
final class LocalEventBus: EventBus {
    private let subscribers = Mutex<[UUID: AsyncStream<PromptEvent>.Continuation]>([:])
    private let buffer: Int

    init(buffer: Int = 1_000) {
        self.buffer = buffer
    }

    func publish(_ event: PromptEvent) async {
        deliver(event)
    }

    /// Hands `event` to every subscriber of this process.
    func deliver(_ event: PromptEvent) {
        for subscriber in subscribers.withLock({ Array($0.values) }) { subscriber.yield(event) }
    }

    func events() -> AsyncStream<PromptEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: PromptEvent.self, bufferingPolicy: .bufferingNewest(buffer))
        let id = UUID()
        subscribers.withLock { $0[id] = continuation }
        continuation.onTermination = { [weak self] _ in _ = self?.subscribers.withLock { $0.removeValue(forKey: id) } }
        return stream
    }

    /// How many streams are being consumed (for tests and health).
    var subscriberCount: Int { subscribers.withLock { $0.count } }
}
