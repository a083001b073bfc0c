import Logging
import NIOCore
import NIOPosix

/// Up to ``RedisConfiguration/poolSize`` connections, opened when needed and reused. A command
/// waits for a free connection at most its command timeout. When Redis cannot be reached, attempts
/// back off (``Backoff``) and fail at once in between, and the pool logs once when Redis goes away
/// and once when it is back — never once per request.
public actor RedisConnectionPool {
    /// What the pool connects to.
    public nonisolated let configuration: RedisConfiguration
    private let group: any EventLoopGroup
    private let logger: Logger
    private var idle: [RedisConnection] = []
    /// Connections open or opening, leased or idle.
    private var opened = 0
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<RedisConnection?, any Error>)] = []
    private var nextWaiter: UInt64 = 0
    private var backoff = Backoff()
    private var closed = false

    /// A pool for `configuration`; nothing is opened until the first command.
    public init(configuration: RedisConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, logger: Logger) {
        self.configuration = configuration
        self.group = group
        self.logger = logger
    }

    /// Whether the last attempt to reach Redis failed, and why: nil while it is reachable.
    public var unavailableReason: String? { backoff.lastReason }

    /// Sends one command on a pooled connection (see ``RedisConnection/send(_:)``).
    @discardableResult
    public func send(_ command: RESPCommand) async throws -> RESPValue {
        let connection = try await lease()
        do {
            let value = try await connection.send(command)
            release(connection)
            return value
        } catch {
            release(connection)
            throw error
        }
    }

    /// Sends commands in one write on one connection (see ``RedisConnection/pipeline(_:)``).
    public func pipeline(_ commands: [RESPCommand]) async throws -> [RESPValue] {
        let connection = try await lease()
        do {
            let values = try await connection.pipeline(commands)
            release(connection)
            return values
        } catch {
            release(connection)
            throw error
        }
    }

    /// Closes every connection; later commands fail with ``RedisError/unavailable(_:)``.
    public func close() async {
        closed = true
        let connections = idle
        idle = []
        for waiter in waiters { waiter.continuation.resume(throwing: RedisError.unavailable("the connection pool is closed")) }
        waiters = []
        for connection in connections { await connection.close() }
    }

    private func lease() async throws -> RedisConnection {
        // One deadline for the whole wait, however often a waiter is woken to try again.
        let deadline = ContinuousClock.now + .milliseconds(Int(configuration.commandTimeout * 1000))
        while true {
            if closed { throw RedisError.unavailable("the connection pool is closed") }
            while let connection = idle.popLast() {
                if connection.isActive { return connection }
                opened -= 1
            }
            if opened < configuration.poolSize { return try await open() }
            if let connection = try await waitForRelease(until: deadline) { return connection }
        }
    }

    private func open() async throws -> RedisConnection {
        try backoff.check()
        opened += 1
        do {
            let connection = try await RedisConnection.connect(configuration, group: group)
            if backoff.failures > 0 { logger.notice("Redis is reachable again", metadata: ["redis": "\(configuration.redacted)"]) }
            backoff.succeeded()
            return connection
        } catch {
            opened -= 1
            let reason = (error as? RedisError)?.description ?? String(describing: error)
            if backoff.failures == 0 { logger.warning("Redis is unavailable", metadata: ["redis": "\(configuration.redacted)", "reason": "\(reason)"]) }
            // Attempts that were under way together count as one failure, not one each.
            if backoff.remaining() == nil { backoff.failed(reason) }
            wakeOneWaiter()
            throw error
        }
    }

    /// Waits for a connection to come back, until `deadline`; nil means "try again".
    private func waitForRelease(until deadline: ContinuousClock.Instant) async throws -> RedisConnection? {
        guard deadline > .now else {
            throw RedisError.unavailable("no free connection within \(configuration.commandTimeout) s (pool of \(configuration.poolSize))")
        }
        nextWaiter += 1
        let id = nextWaiter
        let expiry = Task { [weak self] in
            try? await Task.sleep(until: deadline)
            await self?.expire(id)
        }
        defer { expiry.cancel() }
        return try await withCheckedThrowingContinuation { continuation in
            waiters.append((id, continuation))
        }
    }

    private func expire(_ id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        let waiter = waiters.remove(at: index)
        waiter.continuation.resume(throwing: RedisError.unavailable("no free connection within \(configuration.commandTimeout) s (pool of \(configuration.poolSize))"))
    }

    private func release(_ connection: RedisConnection) {
        guard connection.isActive, !closed else {
            opened -= 1
            if closed { Task { await connection.close() } }
            wakeOneWaiter()
            return
        }
        if !waiters.isEmpty {
            waiters.removeFirst().continuation.resume(returning: connection)
        } else {
            idle.append(connection)
        }
    }

    /// A waiter tries again itself: a connection closed, so it may open a new one.
    private func wakeOneWaiter() {
        if !waiters.isEmpty { waiters.removeFirst().continuation.resume(returning: nil) }
    }
}
