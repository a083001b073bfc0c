import Foundation
import Hummingbird
import HummingbirdTesting
import PromptLibRedis
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// Two replicas sharing one database and one Redis act as one: a write through either is what a
/// cached read through the other returns at once; and a Redis outage costs no request.
@Suite("Prompt cache shared through Redis", .enabled(if: RedisTestServer.available), .timeLimit(.minutes(2)))
struct SharedCacheTests {
    static func goal(_ response: TestResponse) -> String? { (response.json["prompt"] as? [String: Any])?["goal"] as? String }

    /// How many prompt entries Redis holds for the cache.
    static func cachedPrompts(_ redis: RedisTestServer) async throws -> Int {
        let pool = RedisConnectionPool(configuration: try RedisConfiguration(url: redis.url), logger: testLogger)
        defer { Task { await pool.close() } }
        return try await pool.send(RESPCommand("KEYS", "promptlib:cache:*:prompt:*")).array?.count ?? 0
    }

    @Test("a write through one replica is what the other's cached read returns, at once", arguments: TestEngine.available)
    func twoReplicas(engine: TestEngine) async throws {
        try await withRedisServer { redis in
            try await withTestDatabase(engine) { database in
                let configuration = try testConfiguration(database, redis: redis)
                let first = try await buildApplication(configuration: configuration, logger: testLogger)
                let second = try await buildApplication(configuration: configuration, logger: testLogger)
                try await first.test(.router) { one in
                    try await second.test(.router) { two in
                        let tokenOne = try await one.login("admin", testAdminPassword)
                        let tokenTwo = try await two.login("admin", testAdminPassword)
                        let byName = "/api/v1/prompts/by-name/cache%2Fgreeter?label=production"
                        let id = try await one.createPrompt("cache/greeter", goal: "v1 {{who}}", token: tokenOne)
                        #expect(try await LabelTests.move(one, id, "production", to: 1, token: tokenOne).status == .ok)
                        #expect(Self.goal(try await two.get(byName, token: tokenTwo)) == "v1 {{who}}")
                        #expect(try await Self.cachedPrompts(redis) == 1, "the fetch filled the shared cache")

                        _ = try await one.putPrompt(id, json: promptJSON("cache/greeter", goal: "v2 {{who}}"), token: tokenOne)
                        #expect(try await LabelTests.move(one, id, "production", to: 2, token: tokenOne).status == .ok)
                        for _ in 0..<3 { #expect(Self.goal(try await two.get(byName, token: tokenTwo)) == "v2 {{who}}") }
                        #expect(try await LabelTests.move(two, id, "production", to: 1, token: tokenTwo).status == .ok)
                        #expect(Self.goal(try await one.get(byName, token: tokenOne)) == "v1 {{who}}", "a rollback through the other replica")

                        // A rename: the old name is gone everywhere, the new one found.
                        let rename = try await two.putPrompt(id, json: promptJSON("cache/renamed", goal: "v3 {{who}}"), token: tokenTwo)
                        #expect(rename.status == .ok, "\(String(buffer: rename.body))")
                        #expect(try await one.get(byName, token: tokenOne).status == .notFound)
                        #expect(Self.goal(try await one.get("/api/v1/prompts/by-name/cache%2Frenamed?label=latest", token: tokenOne)) == "v3 {{who}}")
                        // A new prompt taking the old name is found under it, not the renamed one.
                        let newcomer = try await two.createPrompt("cache/greeter", goal: "newcomer {{who}}", token: tokenTwo)
                        let fetched = try await one.get("/api/v1/prompts/by-name/cache%2Fgreeter", token: tokenOne)
                        #expect(fetched.json["prompt_id"] as? String == newcomer && Self.goal(fetched) == "newcomer {{who}}", "\(fetched.status) \(String(buffer: fetched.body))")

                        // Archiving through one replica shows at once through the other.
                        #expect(try await one.call(.delete, "/api/v1/prompts/\(newcomer)", token: tokenOne).status == .ok)
                        #expect(try await two.get("/api/v1/prompts/\(newcomer)", token: tokenTwo).json["status"] as? String == "archived")
                    }
                }
            }
        }
    }

    /// Two replicas; the second holds a prompt in its own memory; then `forget` does something to
    /// Redis, a write changes the prompt through the first, and `rewind` puts Redis's keys back as
    /// they were before: the second must answer the new version.
    static func afterRedisLosesState(
        forget: @escaping @Sendable (RedisTestServer, RedisConnectionPool) async throws -> Void,
        rewind: @escaping @Sendable (RedisConnectionPool, _ count: String, _ instance: String) async throws -> Void
    ) async throws {
        try await withRedisServer { redis in
            try await SharedLimitTests.withReplicas(redis, configure: { _ in }) { one, two in
                let token = try await one.login("admin", testAdminPassword)
                let id = try await one.createPrompt("cache/restart", goal: "v1 {{who}}", token: token)
                let key = try await APIKeyTests.createKey(one, scopes: #""prompts:read""#, token: token).key
                let byName = "/api/v1/prompts/by-name/cache%2Frestart"
                // The second replica reads it twice: from Redis, then from its own memory.
                for _ in 0..<2 { #expect(Self.goal(try await two.get(byName, token: key)) == "v1 {{who}}") }
                let pool = RedisConnectionPool(configuration: try RedisConfiguration(url: redis.url), logger: testLogger)
                let count = try await pool.send(RESPCommand("GET", "promptlib:cache:gen")).string ?? "0"
                let instance = try await pool.send(RESPCommand("GET", RedisSharedCounters.instanceKey)).string ?? ""
                try await forget(redis, pool)
                await pool.close()
                _ = try await one.putPrompt(id, json: promptJSON("cache/restart", goal: "v2 {{who}}"), token: token)
                // A new pool: a restarted Redis closed the connections of the first.
                let rewinding = RedisConnectionPool(configuration: try RedisConfiguration(url: redis.url), logger: testLogger)
                try await rewind(rewinding, count, instance)
                await rewinding.close()
                #expect(Self.goal(try await two.get(byName, token: key)) == "v2 {{who}}")
            }
        }
    }

    @Test("a Redis flushed is not taken for the state it had, even when its count comes back to the same number")
    func flushed() async throws {
        try await Self.afterRedisLosesState(
            forget: { _, pool in _ = try await pool.send(RESPCommand("FLUSHALL")) },
            rewind: { pool, count, _ in _ = try await pool.send(RESPCommand("SET", "promptlib:cache:gen", count)) }
        )
    }

    @Test("a Redis restarted from an older snapshot is not taken for the state it had")
    func restoredSnapshot() async throws {
        try await Self.afterRedisLosesState(
            forget: { redis, _ in
                redis.stop()
                try redis.start()
            },
            // Every key as the snapshot had it: only the server's run differs.
            rewind: { pool, count, instance in
                _ = try await pool.send(RESPCommand("SET", "promptlib:cache:gen", count))
                _ = try await pool.send(RESPCommand("SET", RedisSharedCounters.instanceKey, instance))
            }
        )
    }

    @Test("Redis stopped mid-stream: every request answers and health says degraded; started again: healthy, and the cache fills again")
    func outage() async throws {
        try await withRedisServer { redis in
            try await withTestDatabase(.sqlite) { database in
                let configuration = try testConfiguration(database, redis: redis)
                let app = try await buildApplication(configuration: configuration, logger: testLogger)
                try await app.test(.router) { client in
                    let token = try await client.login("admin", testAdminPassword)
                    let id = try await client.createPrompt("cache/steady", goal: "v1 {{who}}", token: token)
                    let byName = "/api/v1/prompts/by-name/cache%2Fsteady"
                    #expect(try await client.get("/api/system/health").json["status"] as? String == "healthy")
                    var failures = 0
                    for round in 0..<60 {
                        if round == 20 {
                            redis.stop()
                            // Health asks Redis itself: degraded before any request has tripped on it.
                            #expect(try await client.get("/api/system/health").json["status"] as? String == "degraded")
                        }
                        if round == 40 { try redis.start() }
                        let response = try await client.get(byName, token: token)
                        if response.status != .ok { failures += 1 }
                        if round == 30 {
                            // A write while Redis is away is seen by the very next read.
                            _ = try await client.putPrompt(id, json: promptJSON("cache/steady", goal: "v2 {{who}}"), token: token)
                            #expect(Self.goal(try await client.get(byName, token: token)) == "v2 {{who}}")
                            let health = try await client.get("/api/system/health").json
                            #expect(health["status"] as? String == "degraded")
                            let cache = (health["checks"] as? [String: Any])?["cache"] as? [String: Any]
                            #expect(cache?["backend"] as? String == "redis" && cache?["status"] as? String == "degraded")
                            let reason = cache?["error"] as? String ?? ""
                            #expect(!reason.isEmpty && !reason.contains("127.0.0.1"), "health names no host")
                        }
                    }
                    #expect(failures == 0)
                    var healthy = false
                    for _ in 0..<100 where !healthy {
                        _ = try await client.get(byName, token: token)
                        healthy = try await client.get("/api/system/health").json["status"] as? String == "healthy"
                        if !healthy { try await Task.sleep(for: .milliseconds(100)) }
                    }
                    #expect(healthy, "back to healthy without a restart")
                    #expect(Self.goal(try await client.get(byName, token: token)) == "v2 {{who}}")
                    #expect(try await Self.cachedPrompts(redis) >= 1, "the cache is used again")
                }
            }
        }
    }
}
