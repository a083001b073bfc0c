import Foundation
import Hummingbird
import HummingbirdTesting
import PromptLibRedis
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// With Redis, limits count across replicas: requests and failed logins alternating between two
/// replicas are refused at the same count as on one.
@Suite("Rate limits shared through Redis", .enabled(if: RedisTestServer.available), .timeLimit(.minutes(2)))
struct SharedLimitTests {
    /// Two replicas on one database and one Redis, with `configure` applied to both.
    static func withReplicas(
        _ redis: RedisTestServer, engine: TestEngine = .sqlite, configure: @escaping @Sendable (inout AppConfiguration) -> Void,
        _ body: @escaping @Sendable (any TestClientProtocol, any TestClientProtocol) async throws -> Void
    ) async throws {
        try await withTestDatabase(engine) { database in
            var configuration = try testConfiguration(database, redis: redis)
            configure(&configuration)
            let first = try await buildApplication(configuration: configuration, logger: testLogger)
            let second = try await buildApplication(configuration: configuration, logger: testLogger)
            try await first.test(.router) { one in
                try await second.test(.router) { two in try await body(one, two) }
            }
        }
    }

    @Test("the per-user API limit holds across replicas")
    func apiLimit() async throws {
        try await withRedisServer { redis in
            try await Self.withReplicas(redis, configure: { $0.limits.requestsPerUserPerMinute = 6 }) { one, two in
                let token = try await one.login("admin", testAdminPassword)
                var statuses: [HTTPResponse.Status] = []
                for index in 0..<8 {
                    statuses.append(try await (index.isMultiple(of: 2) ? one : two).get("/api/v1/prompts", token: token).status)
                }
                #expect(statuses == Array(repeating: .ok, count: 6) + [.tooManyRequests, .tooManyRequests])
            }
        }
    }

    @Test("an API key's reads count once each across replicas, also when counted with the shared counters")
    func keyReads() async throws {
        try await withRedisServer { redis in
            try await Self.withReplicas(redis, configure: { $0.limits.apiKeyReadsPerMinute = 6 }) { one, two in
                let token = try await one.login("admin", testAdminPassword)
                _ = try await one.createPrompt("limits/keyed", goal: "Hello {{who}}", token: token)
                let key = try await APIKeyTests.createKey(one, scopes: #""prompts:read""#, token: token).key
                var statuses: [HTTPResponse.Status] = []
                var remaining: [String] = []
                for index in 0..<8 {
                    let response = try await (index.isMultiple(of: 2) ? one : two).get("/api/v1/prompts/by-name/limits%2Fkeyed", token: key)
                    statuses.append(response.status)
                    if response.status == .ok { remaining.append(response.headers[.rateLimitRemaining] ?? "?") }
                }
                #expect(statuses == Array(repeating: .ok, count: 6) + [.tooManyRequests, .tooManyRequests])
                #expect(remaining == ["5", "4", "3", "2", "1", "0"], "each read counted exactly once")
            }
        }
    }

    @Test("failed logins for a name count across replicas: the sixth is refused on either")
    func loginFailures() async throws {
        try await withRedisServer { redis in
            try await Self.withReplicas(redis, configure: { $0.limits.accountFailures = 5 }) { one, two in
                var statuses: [HTTPResponse.Status] = []
                for index in 0..<7 {
                    let client = index.isMultiple(of: 2) ? one : two
                    statuses.append(try await client.send(.post, "/api/v1/auth/login", json: #"{"login":"nobody","password":"wrong-password-1"}"#).status)
                }
                #expect(statuses.prefix(5).allSatisfy { $0 == .unauthorized }, "\(statuses)")
                #expect(statuses.suffix(2).allSatisfy { $0 == .tooManyRequests }, "\(statuses)")
            }
        }
    }

    @Test("with Redis gone the limits still hold, in each process")
    func fallback() async throws {
        try await withRedisServer { redis in
            try await Self.withReplicas(redis, configure: { $0.limits.requestsPerUserPerMinute = 3 }) { one, _ in
                let token = try await one.login("admin", testAdminPassword)
                redis.stop()
                var statuses: [HTTPResponse.Status] = []
                for _ in 0..<5 { statuses.append(try await one.get("/api/v1/prompts", token: token).status) }
                #expect(statuses == [.ok, .ok, .ok, .tooManyRequests, .tooManyRequests])
            }
        }
    }
}
