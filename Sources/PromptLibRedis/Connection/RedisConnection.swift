import NIOCore
import NIOPosix
import NIOSSL

/// One connection to Redis, ready for commands: connected, TLS when asked, `AUTH` and `SELECT`
/// done. Commands may be sent from any task; several in flight are pipelined on the wire.
public final class RedisConnection: Sendable {
    let channel: any Channel
    private let commandTimeout: TimeAmount

    private init(channel: any Channel, commandTimeout: TimeAmount) {
        self.channel = channel
        self.commandTimeout = commandTimeout
    }

    /// Opens a connection. Throws ``RedisError/unavailable(_:)`` when the server cannot be reached
    /// and ``RedisError/server(code:message:)`` when it refuses the credentials or the database.
    public static func connect(
        _ configuration: RedisConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> RedisConnection {
        let tls = try configuration.useTLS ? TLSSetup(configuration) : nil
        let parser = RESPParser(limits: configuration.limits)
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(.milliseconds(Int64(configuration.connectTimeout * 1000)))
            .channelOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls { try channel.pipeline.syncOperations.addHandler(try tls.handler()) }
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(RESPFrameDecoder(parser: parser), maximumBufferSize: configuration.limits.maxBufferedBytes))
                    try channel.pipeline.syncOperations.addHandler(RESPCommandHandler(), name: RedisConnection.commandHandlerName)
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: configuration.host, port: configuration.port).get()
        } catch {
            throw RedisError.unavailable("cannot connect to \(configuration.host):\(configuration.port): \(Self.reason(error))")
        }
        let connection = RedisConnection(channel: channel, commandTimeout: .milliseconds(Int64(configuration.commandTimeout * 1000)))
        do {
            if let password = configuration.password {
                try await connection.send(RESPCommand("AUTH", arguments: (configuration.username.map { [$0] } ?? []) + [password]))
            }
            if configuration.database != 0 { try await connection.send(RESPCommand("SELECT", String(configuration.database))) }
            // Answers only once TLS and AUTH are through: a server that wants a password says so here.
            try await connection.send(RESPCommand("PING"))
        } catch {
            await connection.close()
            throw error
        }
        return connection
    }

    static let commandHandlerName = "promptlib.redis.commands"

    /// Whether the connection is still open.
    public var isActive: Bool { channel.isActive }

    /// Sends one command and returns its reply. A server error reply is thrown as
    /// ``RedisError/server(code:message:)``.
    @discardableResult
    public func send(_ command: RESPCommand) async throws -> RESPValue {
        let value = try await pipeline([command])[0]
        if case .error(let text) = value { throw RedisError(reply: text) }
        return value
    }

    /// Sends several commands in one write and returns their replies in order; error replies are
    /// returned as ``RESPValue/error(_:)`` values, so one refused command does not hide the others.
    public func pipeline(_ commands: [RESPCommand]) async throws -> [RESPValue] {
        guard !commands.isEmpty else { return [] }
        let loop = channel.eventLoop
        let replies = commands.map { _ in loop.makePromise(of: RESPValue.self) }
        let request = RESPRequest(commands: commands, replies: replies, timeout: commandTimeout)
        channel.writeAndFlush(request).whenFailure { error in
            let failure = error as? RedisError ?? .connectionClosed
            replies.forEach { $0.fail(failure) }
        }
        var values: [RESPValue] = []
        values.reserveCapacity(commands.count)
        for reply in replies { values.append(try await reply.futureResult.get()) }
        return values
    }

    /// Closes the connection; commands still waiting fail with ``RedisError/connectionClosed``.
    public func close() async {
        try? await channel.close()
    }

    /// A short reason for a connection failure, without a stack of wrapper types.
    static func reason(_ error: any Error) -> String {
        if let io = error as? IOError { return io.description }
        if let timeout = error as? ChannelError, case .connectTimeout = timeout { return "no answer within the connect timeout" }
        return String(describing: error)
    }
}
