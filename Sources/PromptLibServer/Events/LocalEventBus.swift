import Foundation
import Synchronization

/// The ``EventBus`` of one process: each subscriber has a stream of its own, bounded so that a
/// subscriber that stops reading loses its oldest messages instead of holding memory without end.
final class LocalEventBus<Message: BusMessage>: EventBus {
    private let subscribers = Mutex<[UUID: AsyncStream<Message>.Continuation]>([:])
    private let buffer: Int

    init(buffer: Int = 1_000) {
        self.buffer = buffer
    }

    func publish(_ message: Message) async {
        deliver(message)
    }

    /// Hands `message` to every subscriber of this process.
    func deliver(_ message: Message) {
        for subscriber in subscribers.withLock({ Array($0.values) }) { subscriber.yield(message) }
    }

    func events() -> AsyncStream<Message> {
        let (stream, continuation) = AsyncStream.makeStream(of: Message.self, bufferingPolicy: .bufferingNewest(buffer))
        let id = UUID()
        subscribers.withLock { $0[id] = continuation }
        continuation.onTermination = { [weak self] _ in _ = self?.subscribers.withLock { $0.removeValue(forKey: id) } }
        return stream
    }

    /// How many streams are being consumed (for tests and health).
    var subscriberCount: Int { subscribers.withLock { $0.count } }
}
