import PromptLibRedis

/// ``RecentWriters`` shared by replicas: a key per account that expires with the window
/// (`promptlib:wrote:{account id}`), so a client that wrote through one replica reads from the
/// primary through the others too. This replica's own memory answers first; while Redis is away,
/// it alone answers, and a client that wrote through another replica may read the replica's lag.
final class RedisRecentWriters: RecentWriters {
    private let pool: RedisConnectionPool
    private let local: LocalRecentWriters
    private let windowMilliseconds: Int

    init(pool: RedisConnectionPool, window: Duration) {
        self.pool = pool
        local = LocalRecentWriters(window: window)
        windowMilliseconds = window.redisMilliseconds
    }

    static func key(_ account: String) -> String { "promptlib:wrote:\(account)" }

    func wrote(_ account: String) async {
        await local.wrote(account)
        _ = try? await pool.send(RESPCommand("SET", Self.key(account), "1", "PX", String(windowMilliseconds)))
    }

    func wroteRecently(_ account: String) async -> Bool {
        if await local.wroteRecently(account) { return true }
        return (try? await pool.send(RESPCommand("EXISTS", Self.key(account))))?.integer == 1
    }
}
