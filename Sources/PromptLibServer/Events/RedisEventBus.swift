import Foundation
import Logging
import PromptLibRedis
import Synchronization

/// The ``EventBus`` of replicas sharing Redis: each message is delivered to this process's
/// subscribers at once and published on its kind's channel; what other replicas publish arrives
/// through a subscription on a connection of its own (``RedisSubscriber``), opened with the first
/// subscriber. Every message carries its replica's origin, so a replica does not deliver its own
/// messages twice.
final class RedisEventBus<Message: BusMessage>: EventBus {
    private let local = LocalEventBus<Message>()
    private let pool: RedisConnectionPool
    private let origin = UUID().uuidString.lowercased()
    private let subscriber: RedisSubscriber
    private let logger: Logger
    /// Listening starts with the first subscriber in this process: one that only publishes (the
    /// command line) opens no subscribed connection.
    private let subscription = Mutex<Task<Void, Never>?>(nil)

    /// What goes over the channel: the event and the replica it came from. Dates travel as
    /// Foundation's default number, exactly, since only replicas read it.
    private struct Envelope: Codable {
        let origin: String
        let event: Message
    }

    init(pool: RedisConnectionPool, configuration: RedisConfiguration, logger: Logger) {
        self.pool = pool
        self.subscriber = RedisSubscriber(configuration: configuration, logger: logger)
        self.logger = logger
    }

    func publish(_ event: Message) async {
        local.deliver(event)
        guard let payload = try? JSONEncoder().encode(Envelope(origin: origin, event: event)) else { return }
        // A Redis that is away loses the event for the other replicas (the pool logs the outage
        // once); the write it reports has happened all the same.
        _ = try? await pool.send(RESPCommand(bytes: [Array("PUBLISH".utf8), Array(Message.channel.utf8), Array(payload)]))
    }

    func events() -> AsyncStream<Message> {
        let stream = local.events()
        subscription.withLock { task in
            if task == nil { task = listen() }
        }
        return stream
    }

    /// Stops listening; for shutdown.
    func close() { subscription.withLock { $0 }?.cancel() }

    /// Hands what other replicas publish to this process's subscribers.
    private func listen() -> Task<Void, Never> {
        let (local, origin, subscriber, logger) = (local, origin, subscriber, logger)
        return Task {
            let decoder = JSONDecoder()
            for await message in subscriber.messages(channels: [Message.channel]) {
                guard let envelope = try? decoder.decode(Envelope.self, from: Data(message.payload)) else {
                    logger.debug("ignored an event that does not decode", metadata: ["channel": "\(message.channel)"])
                    continue
                }
                if envelope.origin != origin { local.deliver(envelope.event) }
            }
        }
    }
}
