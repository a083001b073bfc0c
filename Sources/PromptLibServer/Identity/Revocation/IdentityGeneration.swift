import Logging
import PromptLibRedis
import Synchronization

/// Counts changes that take access away — a session ended, an account disabled, demoted, renamed
/// or deleted, an API key revoked — so that every replica's ``IdentityCache`` empties itself on the
/// next request after one. Shared through Redis by replicas; a counter in memory for one process.
protocol IdentityGeneration: Sendable {
    /// The current count, or nil when it cannot be read (the cache is then bypassed).
    func current() async -> UInt64?
    /// Counts a change; called after it is committed and before it answers.
    func bump() async
}

extension IdentityGeneration {
    /// Runs a write that may take access away, then counts it — also when the write throws, as
    /// the database may have committed before the error.
    func signalling<T>(_ write: () async throws -> T) async throws -> T {
        do {
            let result = try await write()
            await bump()
            return result
        } catch {
            await bump()
            throw error
        }
    }
}

/// ``IdentityGeneration`` of a single process.
final class LocalIdentityGeneration: IdentityGeneration {
    private let count = Atomic<UInt64>(0)

    func current() async -> UInt64? { count.load(ordering: .acquiring) }
    func bump() async { count.add(1, ordering: .releasing) }
}

/// ``IdentityGeneration`` in Redis (`promptlib:identity:gen`), read once per authenticated request
/// (with the other ``SharedCounters``, made distinct per Redis instance).
/// If a change cannot be counted there (Redis away from this replica), other replicas learn of it
/// only when their entries expire (``IdentityCache``'s few seconds), and this one stops caching
/// until Redis answers again.
final class RedisIdentityGeneration: IdentityGeneration {
    static let key = "promptlib:identity:gen"
    private let pool: RedisConnectionPool
    private let counters: RedisSharedCounters
    /// Changes that could not be counted in Redis: a counter, so one that fails while an earlier
    /// one is being made up for is not forgotten.
    private let missedBumps = Atomic<UInt64>(0)
    private let logger: Logger

    init(pool: RedisConnectionPool, counters: RedisSharedCounters, logger: Logger) {
        self.pool = pool
        self.counters = counters
        self.logger = logger
    }

    func current() async -> UInt64? {
        let missed = missedBumps.load(ordering: .acquiring)
        if missed > 0 {
            // Count the change that could not be counted before anything is cached again.
            guard (try? await pool.send(RESPCommand("INCR", Self.key))) != nil else { return nil }
            _ = missedBumps.compareExchange(expected: missed, desired: 0, ordering: .acquiringAndReleasing)
        } else if let read = SharedCounters.current {
            return read.identity
        }
        if let read = await counters.read() { return read.identity }
        // The counters' script refused (an ACL without `INFO`, say): the bare count still keeps
        // revocations right, if not across a Redis restored from a snapshot.
        guard let reply = try? await pool.send(RESPCommand("GET", Self.key)) else { return nil }
        if reply.isNull { return 0 }
        return reply.string.flatMap { UInt64($0) }
    }

    func bump() async {
        if (try? await pool.send(RESPCommand("INCR", Self.key))) == nil,
           missedBumps.wrappingAdd(1, ordering: .acquiringAndReleasing).oldValue == 0 {
            logger.warning("a revocation could not be signalled through Redis; other replicas see it within the identity cache's lifetime")
        }
    }
}
