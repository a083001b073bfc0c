/// What one real-time connection may do, from `REALTIME_*` settings (docs/realtime.md).
public struct RealtimeLimits: Sendable, Equatable {
    /// Open connections per user on one replica; the next is refused.
    public var maxConnectionsPerUser = 10
    /// The largest message a client may send, in bytes; a larger one closes the connection (1009).
    public var maxMessageBytes = 8_192
    /// Messages a client may send per second, sustained (twice as many in a burst); the rest are
    /// answered with an error and dropped.
    public var messagesPerSecond = 20
    /// A connection that sends nothing (the web UI pings every 25 s) for this long is closed.
    public var idleTimeout: Duration = .seconds(90)
    /// How long a presence lasts without a heartbeat; replicas repeat theirs every third of it.
    public var presenceTimeout: Duration = .seconds(30)
    /// Rooms one connection may be in, besides its own user room.
    public var maxRoomsPerConnection = 50

    /// The defaults.
    public init() {}

    /// How often a replica repeats its connections' presence and checks their sessions.
    var heartbeat: Duration { presenceTimeout / 3 }
}

extension RealtimeLimits {
    /// Reads `REALTIME_MAX_CONNECTIONS_PER_USER`, `REALTIME_MAX_MESSAGE_BYTES`,
    /// `REALTIME_MESSAGES_PER_SECOND`, `REALTIME_IDLE_TIMEOUT_SECONDS` and
    /// `REALTIME_PRESENCE_TIMEOUT_SECONDS`.
    init(_ env: EnvironmentReader) throws(ConfigurationError) {
        maxConnectionsPerUser = try env.integer("REALTIME_MAX_CONNECTIONS_PER_USER", default: maxConnectionsPerUser, in: 1...1_000)
        maxMessageBytes = try env.integer("REALTIME_MAX_MESSAGE_BYTES", default: maxMessageBytes, in: 256...1_048_576)
        messagesPerSecond = try env.integer("REALTIME_MESSAGES_PER_SECOND", default: messagesPerSecond, in: 1...1_000)
        idleTimeout = .seconds(try env.integer("REALTIME_IDLE_TIMEOUT_SECONDS", default: 90, in: 2...3_600))
        presenceTimeout = .seconds(try env.integer("REALTIME_PRESENCE_TIMEOUT_SECONDS", default: 30, in: 3...600))
    }
}
