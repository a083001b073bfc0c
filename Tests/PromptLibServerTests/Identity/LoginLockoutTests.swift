import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

@Suite("Login lockout and rate limits")
struct LoginLockoutTests {
    static func login(_ client: some TestClientProtocol, _ password: String, as login: String = "admin") async throws -> TestResponse {
        try await client.send(.post, "/api/v1/auth/login", json: #"{"login":"\#(login)","password":"\#(password)"}"#)
    }

    @Test("the sixth attempt after five wrong passwords is 429 even when right; after the window it works", arguments: TestEngine.available)
    func lockout(engine: TestEngine) async throws {
        try await withTestApp(engine, configure: { $0.limits.accountWindow = .seconds(5) }) { client in
            for _ in 1...5 {
                let wrong = try await Self.login(client, "not-the-password-at-all")
                #expect(wrong.status == .unauthorized)
                #expect(wrong.errorCode == "INVALID_CREDENTIALS")
            }
            let locked = try await Self.login(client, testAdminPassword)
            #expect(locked.status == .tooManyRequests)
            #expect(locked.errorCode == "RATE_LIMIT_EXCEEDED")
            #expect(Int(locked.headers[.retryAfter] ?? "") ?? 0 >= 1)
            try await Task.sleep(for: .milliseconds(5_300))
            #expect(try await Self.login(client, testAdminPassword).status == .ok)
            let admin = try await client.login("admin", testAdminPassword)
            let lockouts = try await client.get("/api/v1/audit-events?action=auth.lockout", token: admin)
            #expect((lockouts.json["data"] as? [Any])?.count == 1)
        }
    }

    @Test("a burst of parallel guesses gets no more password checks than the limit", arguments: TestEngine.available)
    func parallelGuesses(engine: TestEngine) async throws {
        try await withTestApp(engine, configure: { $0.limits.ipFailures = 1_000 }) { client in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<20 {
                    group.addTask { Int(try await Self.login(client, "parallel-guess-\(index)").status.code) }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 401 }.count <= 5)
            #expect(statuses.filter { $0 == 429 }.count >= 15)
            #expect(try await Self.login(client, testAdminPassword).status == .tooManyRequests)
        }
    }

    @Test("a success resets the count: failures must be consecutive to lock", arguments: TestEngine.available)
    func successResets(engine: TestEngine) async throws {
        try await withTestApp(engine) { client in
            for _ in 1...4 { _ = try await Self.login(client, "wrong-password-attempt") }
            #expect(try await Self.login(client, testAdminPassword).status == .ok)
            for _ in 1...4 { _ = try await Self.login(client, "wrong-password-attempt") }
            #expect(try await Self.login(client, testAdminPassword).status == .ok)
        }
    }

    @Test("failed logins across accounts from one address are limited", arguments: TestEngine.available)
    func perAddress(engine: TestEngine) async throws {
        try await withTestApp(engine, configure: { $0.limits.ipFailures = 3 }) { client in
            for name in ["nobody1", "nobody2", "nobody3"] {
                #expect(try await Self.login(client, "whatever-password", as: name).status == .unauthorized)
            }
            let limited = try await Self.login(client, testAdminPassword)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] != nil)
        }
    }

    @Test("the API limit per user answers 429 with RateLimit headers", arguments: TestEngine.available)
    func apiLimit(engine: TestEngine) async throws {
        try await withAdminApp(engine, configure: { $0.limits.requestsPerUserPerMinute = 3 }) { client, admin in
            for remaining in [2, 1, 0] {
                let response = try await client.get("/api/v1/prompts", token: admin)
                #expect(response.status == .ok)
                #expect(response.headers[.rateLimitLimit] == "3")
                #expect(response.headers[.rateLimitRemaining] == String(remaining))
            }
            let limited = try await client.get("/api/v1/prompts", token: admin)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.errorCode == "RATE_LIMIT_EXCEEDED")
            #expect(try await client.get("/api/system/health").status == .ok, "health is never limited")
        }
    }

    @Test("an API key's reads have their own limit: an application is not held to a person's", arguments: TestEngine.available)
    func apiKeyReads(engine: TestEngine) async throws {
        try await withAdminApp(engine, configure: { $0.limits.requestsPerUserPerMinute = 3; $0.limits.apiKeyReadsPerMinute = 5 }) { client, admin in
            let id = try await client.createPrompt("app/fetched", token: admin)
            let (_, key) = try await APIKeyTests.createKey(client, scopes: #""prompts:read","runs:write""#, token: admin)
            for _ in 0..<5 {
                let fetched = try await client.get("/api/v1/prompts/by-name/app%2Ffetched", token: key)
                #expect(fetched.status == .ok && fetched.headers[.rateLimitLimit] == "5")
            }
            #expect(try await client.get("/api/v1/prompts/\(id)", token: key).status == .tooManyRequests)
            // Writes by the key count against its owner's limit, as before.
            let run = try await client.send(.post, "/api/v1/prompts/\(id)/runs", json: #"{"success":true}"#, token: key)
            #expect(run.status == .created && run.headers[.rateLimitLimit] == "3")
        }
    }
}
