import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// Messages from Redis channels, on a connection of their own (a subscribed connection takes no
/// other commands). It reconnects with backoff and subscribes again whenever the connection is
/// lost, and pings the server so that a silently dead connection is noticed within
/// `pingInterval` twice over. Messages published while it is disconnected are lost, as Redis
/// pub/sub promises nothing more: what it carries must be safe to miss (cache entries expire).
public final class RedisSubscriber: Sendable {
    private let configuration: RedisConfiguration
    private let group: any EventLoopGroup
    private let logger: Logger
    private let pingInterval: Duration

    /// A subscriber; nothing connects until ``messages(channels:onSubscribed:)`` is consumed.
    public init(
        configuration: RedisConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        pingInterval: Duration = .seconds(5), logger: Logger
    ) {
        self.configuration = configuration
        self.group = group
        self.pingInterval = pingInterval
        self.logger = logger
    }

    /// The messages published on `channels`, for as long as the stream is consumed. `onSubscribed`
    /// runs each time the subscription is (re)established — the moment to drop what may have been
    /// missed while disconnected.
    public func messages(channels: [String], onSubscribed: @escaping @Sendable () async -> Void = {}) -> AsyncStream<RedisMessage> {
        let (stream, continuation) = AsyncStream<RedisMessage>.makeStream(bufferingPolicy: .bufferingNewest(10_000))
        let task = Task { [self] in
            var backoff = Backoff()
            while !Task.isCancelled {
                if let wait = backoff.remaining() { try? await Task.sleep(for: wait) }
                if Task.isCancelled { break }
                do {
                    try await session(channels: channels, into: continuation) {
                        if backoff.failures > 0 { self.logger.notice("Redis subscription restored", metadata: ["redis": "\(self.configuration.redacted)"]) }
                        backoff.succeeded()
                        await onSubscribed()
                    }
                } catch {
                    if backoff.failures == 0, !Task.isCancelled {
                        logger.warning("Redis subscription lost", metadata: ["redis": "\(configuration.redacted)", "reason": "\(error)"])
                    }
                    backoff.failed(String(describing: error))
                }
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// One connection's life: subscribe, pass messages on, return when it closes.
    private func session(channels: [String], into output: AsyncStream<RedisMessage>.Continuation,
                         subscribed: () async -> Void) async throws {
        let connection = try await RedisConnection.connect(configuration, group: group)
        let (replies, pushes) = AsyncStream<RESPValue>.makeStream()
        let channel = connection.channel
        // A pong (or any push) must arrive within two intervals, or the connection is dead.
        let lastRead = NIOLockedValueBox(ContinuousClock.now)
        var watchdog: Task<Void, any Error>?
        defer {
            watchdog?.cancel()
            channel.close(promise: nil)
        }
        try await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.addHandler(RESPPushHandler(continuation: pushes))
        }.get()
        try await channel.pipeline.removeHandler(name: RedisConnection.commandHandlerName).get()
        var buffer = channel.allocator.buffer(capacity: 64)
        RESPCommand("SUBSCRIBE", arguments: channels).write(into: &buffer)
        try await channel.writeAndFlush(buffer)
        watchdog = Task { [pingInterval] in
            var ping = channel.allocator.buffer(capacity: 16)
            RESPCommand("PING").write(into: &ping)
            while !Task.isCancelled {
                try await Task.sleep(for: pingInterval)
                if lastRead.withLockedValue({ ContinuousClock.now - $0 }) > pingInterval * 2 {
                    try await channel.close()
                    return
                }
                try await channel.writeAndFlush(ping)
            }
        }
        var confirmed = 0
        for await reply in replies {
            lastRead.withLockedValue { $0 = .now }
            // A refused SUBSCRIBE (an ACL without the channel, NOAUTH) must not pass for silence.
            if case .error(let text) = reply { throw RedisError(reply: text) }
            guard let items = reply.array, let kind = items.first?.string?.lowercased() else { continue }
            switch kind {
            case "message" where items.count == 3:
                guard let name = items[1].string, case .bulkString(let payload?) = items[2] else { continue }
                output.yield(RedisMessage(channel: name, payload: payload))
            case "subscribe":
                confirmed += 1
                if confirmed == channels.count {
                    await subscribed()
                    lastRead.withLockedValue { $0 = .now }  // however long the callback took
                }
            default:
                continue
            }
            if Task.isCancelled { break }
        }
        if !Task.isCancelled { throw RedisError.connectionClosed }
    }
}
