import Foundation
import Hummingbird
import HummingbirdTesting
import PromptLibRedis
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// Identities are read from memory on the hot path, yet logout, disabling, demotion and revoked
/// keys apply at once on every replica: a request through the other replica right after the change
/// is refused.
@Suite("Revocations across replicas", .enabled(if: RedisTestServer.available), .timeLimit(.minutes(2)))
struct SharedRevocationTests {
    @Test("logout, demotion, disabling and a revoked key through one replica apply at once on the other", arguments: TestEngine.available)
    func revocations(engine: TestEngine) async throws {
        try await withRedisServer { redis in
            try await SharedLimitTests.withReplicas(redis, engine: engine, configure: { _ in }) { one, two in
                let admin = try await one.login("admin", testAdminPassword)
                let userID = try await one.createUser("casey", role: "user", admin: admin)
                let casey = try await two.login("casey", "Another-good-passphrase-9")
                // Read twice through the second replica, so its cache holds the session and account.
                for _ in 0..<2 { #expect(try await two.get("/api/v1/auth/me", token: casey).status == .ok) }
                #expect(try await one.call(.post, "/api/v1/auth/logout", token: casey).status == .noContent)
                #expect(try await two.get("/api/v1/auth/me", token: casey).status == .unauthorized, "logout applies on the other replica")

                // Demotion: a user may create prompts, a viewer may not.
                let again = try await two.login("casey", "Another-good-passphrase-9")
                #expect(try await two.get("/api/v1/prompts", token: again).status == .ok)
                #expect(try await one.send(.patch, "/api/v1/users/\(userID)", json: #"{"role":"viewer"}"#, token: admin).status == .ok)
                let created = try await two.send(.post, "/api/v1/prompts", json: promptJSON("casey/after", goal: "Hi {{who}}"), token: again)
                #expect(created.status == .forbidden || created.status == .unauthorized, "demotion applies on the other replica: \(created.status)")

                // A revoked API key.
                let key = try await one.send(.post, "/api/v1/api-keys", json: #"{"name":"app","scopes":["prompts:read"]}"#, token: admin)
                let secret = try #require(key.json["key"] as? String)
                let keyID = try #require(key.json["id"] as? String)
                for _ in 0..<2 { #expect(try await two.get("/api/v1/prompts", token: secret).status == .ok) }
                #expect(try await one.call(.delete, "/api/v1/api-keys/\(keyID)", token: admin).status == .noContent)
                #expect(try await two.get("/api/v1/prompts", token: secret).status == .unauthorized, "a revoked key is refused on the other replica")

                // Disabling ends every session at once, everywhere.
                let third = try await two.login("casey", "Another-good-passphrase-9")
                #expect(try await two.get("/api/v1/auth/me", token: third).status == .ok)
                #expect(try await one.send(.patch, "/api/v1/users/\(userID)", json: #"{"status":"disabled"}"#, token: admin).status == .ok)
                #expect(try await two.get("/api/v1/auth/me", token: third).status == .unauthorized)
            }
        }
    }

    @Test("a Redis user refused INFO: the counters' script fails, and revocations and the shared cache still hold")
    func withoutInfo() async throws {
        let rules = ["--user", "narrow", "on", ">narrow-secret-1", "~promptlib:*", "&promptlib:events",
                     "-@all", "+@read", "+@write", "+@scripting", "+@pubsub", "+@connection"]
        try await withRedisServer(arguments: rules) { redis in
            try await withTestDatabase(.sqlite) { database in
                var configuration = try testConfiguration(database, redis: redis)
                configuration.redis = try RedisConfiguration(url: "redis://narrow:narrow-secret-1@127.0.0.1:\(redis.port)")
                let first = try await buildApplication(configuration: configuration, logger: testLogger)
                let second = try await buildApplication(configuration: configuration, logger: testLogger)
                try await first.test(.router) { one in
                    try await second.test(.router) { two in
                        let admin = try await one.login("admin", testAdminPassword)
                        let id = try await one.createPrompt("narrow/greeter", goal: "v1 {{who}}", token: admin)
                        let key = try await APIKeyTests.createKey(one, scopes: #""prompts:read""#, token: admin)
                        let byName = "/api/v1/prompts/by-name/narrow%2Fgreeter"
                        for _ in 0..<2 { #expect(SharedCacheTests.goal(try await two.get(byName, token: key.key)) == "v1 {{who}}") }
                        _ = try await one.putPrompt(id, json: promptJSON("narrow/greeter", goal: "v2 {{who}}"), token: admin)
                        #expect(SharedCacheTests.goal(try await two.get(byName, token: key.key)) == "v2 {{who}}")
                        #expect(try await one.call(.delete, "/api/v1/api-keys/\(key.id)", token: admin).status == .noContent)
                        #expect(try await two.get(byName, token: key.key).status == .unauthorized, "a revoked key is refused on the other replica")
                    }
                }
            }
        }
    }
}
