import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// Up to ``RedisConfiguration/poolSize`` connections, opened as demand comes and shared: Redis
/// answers in order, so every connection carries many callers' commands at once (pipelined), and
/// a command only picks one, round robin, under a lock — no lease, no wait for a free connection.
/// (Blocking commands such as `BLPOP` would hold up the others on their connection: the server
/// sends none.) When Redis cannot be reached, attempts back off (``Backoff``) and fail at once in
/// between, and the pool logs once when Redis goes away and once when it is back — never once per
/// request.
public final class RedisConnectionPool: Sendable {
    /// What the pool connects to.
    public let configuration: RedisConfiguration
    private let group: any EventLoopGroup
    private let logger: Logger
    private let state = NIOLockedValueBox(State())

    private struct State {
        var connections: [RedisConnection] = []
        var next = 0
        /// The connection being opened, which callers with none to use wait for.
        var opening: Task<RedisConnection, any Error>?
        var backoff = Backoff()
        var closed = false
    }

    /// A pool for `configuration`; nothing is opened until the first command.
    public init(configuration: RedisConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, logger: Logger) {
        self.configuration = configuration
        self.group = group
        self.logger = logger
    }

    /// Why the last attempt to reach Redis failed; nil while it is reachable.
    public var unavailableReason: String? { state.withLockedValue { $0.backoff.lastReason } }

    /// Sends one command (see ``RedisConnection/send(_:)``).
    @discardableResult
    public func send(_ command: RESPCommand) async throws -> RESPValue {
        try await observed { try await $0.send(command) }
    }

    /// Sends commands in one write on one connection (see ``RedisConnection/pipeline(_:)``).
    public func pipeline(_ commands: [RESPCommand]) async throws -> [RESPValue] {
        try await observed { try await $0.pipeline(commands) }
    }

    /// Runs `body` on a connection, and learns from how it went: a command that timed out means a
    /// stalled server, so the backoff window opens and the next commands fail at once instead of
    /// each waiting out its timeout; an answer after failures closes the window.
    private func observed<R>(_ body: (RedisConnection) async throws -> R) async throws -> R {
        do {
            let result = try await body(try await connection())
            let recovered = state.withLockedValue { state -> Bool in
                guard state.backoff.failures > 0, state.backoff.remaining() == nil else { return false }
                state.backoff.succeeded()
                return true
            }
            if recovered { logger.notice("Redis is reachable again", metadata: ["redis": "\(configuration.redacted)"]) }
            return result
        } catch let error as RedisError {
            if case .timeout = error {
                let first = state.withLockedValue { state -> Bool in
                    let first = state.backoff.failures == 0
                    if state.backoff.remaining() == nil { state.backoff.failed(error.description) }
                    return first
                }
                if first { logger.warning("Redis is unavailable", metadata: ["redis": "\(configuration.redacted)", "reason": "\(error)"]) }
            }
            throw error
        }
    }

    /// Closes every connection; later commands fail with ``RedisError/unavailable(_:)``.
    public func close() async {
        let (connections, opening) = state.withLockedValue { state -> ([RedisConnection], Task<RedisConnection, any Error>?) in
            state.closed = true
            defer {
                state.connections = []
                state.opening = nil
            }
            return (state.connections, state.opening)
        }
        opening?.cancel()
        if let late = try? await opening?.value { await late.close() }
        for connection in connections { await connection.close() }
    }

    private enum Choice {
        case use(RedisConnection)
        case wait(Task<RedisConnection, any Error>)
        case fail(RedisError)
    }

    /// A live connection: one already open (opening another meanwhile while under the pool's
    /// size), or the one being opened.
    private func connection() async throws -> RedisConnection {
        let choice = state.withLockedValue { state -> Choice in
            if state.closed { return .fail(.unavailable("the connection pool is closed")) }
            // Inside a backoff window nothing is sent, open connections or not (a stalled server
            // keeps them open).
            do { try state.backoff.check() } catch { return .fail(error as? RedisError ?? .unavailable("\(error)")) }
            state.connections.removeAll { !$0.isActive }
            if state.connections.count < configuration.poolSize, state.opening == nil {
                state.opening = Task { try await self.open() }
            }
            if !state.connections.isEmpty {
                state.next &+= 1
                return .use(state.connections[state.next % state.connections.count])
            }
            if let opening = state.opening { return .wait(opening) }
            return .fail(.unavailable(state.backoff.lastReason ?? "no connection"))
        }
        switch choice {
        case .use(let connection): return connection
        case .wait(let opening): return try await opening.value
        case .fail(let error): throw error
        }
    }

    private func open() async throws -> RedisConnection {
        do {
            let connection = try await RedisConnection.connect(configuration, group: group)
            let (recovered, closed) = state.withLockedValue { state -> (Bool, Bool) in
                let recovered = state.backoff.failures > 0
                state.backoff.succeeded()
                state.opening = nil
                if !state.closed { state.connections.append(connection) }
                return (recovered, state.closed)
            }
            if closed {
                await connection.close()
                throw RedisError.unavailable("the connection pool is closed")
            }
            if recovered { logger.notice("Redis is reachable again", metadata: ["redis": "\(configuration.redacted)"]) }
            return connection
        } catch {
            let reason = (error as? RedisError)?.description ?? String(describing: error)
            let first = state.withLockedValue { state -> Bool in
                let first = state.backoff.failures == 0
                state.opening = nil
                if state.backoff.remaining() == nil { state.backoff.failed(reason) }
                return first
            }
            if first { logger.warning("Redis is unavailable", metadata: ["redis": "\(configuration.redacted)", "reason": "\(reason)"]) }
            throw error
        }
    }
}
