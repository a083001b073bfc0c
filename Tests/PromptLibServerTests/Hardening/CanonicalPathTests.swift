import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// `//api/v1/…` and `/api//v1/…` reach the same route as the canonical path, so every decision
/// taken on the path — limits, masking, permissions — must see it the same way.
@Suite("Non-canonical paths")
struct CanonicalPathTests {
    @Test("doubled slashes count against the API limit like the canonical path", arguments: TestEngine.available)
    func rateLimited(engine: TestEngine) async throws {
        try await withAdminApp(engine, configure: { $0.limits.requestsPerUserPerMinute = 3; $0.limits.requestsPerIPPerMinute = 3 }) { client, admin in
            var statuses: [Int] = []
            for path in ["//api/v1/prompts", "/api//v1/prompts", "/api/v1//prompts", "//api/v1/prompts", "/api/v1/prompts"] {
                statuses.append(Int(try await client.get(path, token: admin).status.code))
            }
            #expect(statuses == [200, 200, 200, 429, 429], "\(statuses)")
            var anonymous: [Int] = []
            for _ in 0..<4 { anonymous.append(Int(try await client.get("//api/v1/shared/pls_nothing").status.code)) }
            #expect(anonymous.last == 429, "\(anonymous)")
        }
    }

    @Test("a share token reached through //api is masked in the access log", arguments: TestEngine.available)
    func masked(engine: TestEngine) async throws {
        let token = "pls_" + String(repeating: "Q", count: 43)
        let logs = try await withLoggedApp(engine) { client in
            for path in ["//api/v1/shared/\(token)", "/api//v1/shared/\(token)", "/api/v1//shared/\(token)?x=1", "/api/v1/./shared/\(token)",
                         "/api/v1/x/../shared/\(token)", "/api/v1/shared%2F\(token)", "/API/V1/SHARED/\(token)", "/api/v1/shared;x/\(token)",
                         "/api/v1/shared/%70ls_" + token.dropFirst(4), "/api/v1/shared/pls%5F" + token.dropFirst(4), "/api/v1/shared/%2570ls_" + token.dropFirst(4)] {
                let response = try await client.get(path)
                #expect(response.status == .notFound)
            }
        }
        #expect(logs.contains("/api/v1/shared/…") && !logs.contains(token), "token masked")
    }

    @Test("permissions apply to the canonical path: an anonymous caller cannot list users through //api")
    func permissions() async throws {
        try await withTestApp(.sqlite) { client in
            let users = try await client.get("//api/v1/users")
            let audit = try await client.get("/api/v1//audit-events")
            #expect(users.status == .unauthorized && audit.status == .unauthorized)
        }
    }

    @Test("made-up bearer tokens and keys from one address meet the per-address limit, then its bearer headers are refused unread", arguments: TestEngine.available)
    func badBearersLimited(engine: TestEngine) async throws {
        try await withAdminApp(engine, configure: { $0.limits.requestsPerIPPerMinute = 5 }) { client, admin in
            var statuses: [Int] = []
            for index in 0..<8 {
                statuses.append(Int(try await client.get("/api/v1/prompts", token: index % 2 == 0 ? "pl_guess\(index)" : "not.a.jwt").status.code))
            }
            #expect(statuses == [401, 401, 401, 401, 401, 429, 429, 429], "\(statuses)")
            let valid = try await client.get("/api/v1/prompts", token: admin)
            #expect(valid.status == .tooManyRequests, "the address is refused unread while over its limit")
        }
    }
}
