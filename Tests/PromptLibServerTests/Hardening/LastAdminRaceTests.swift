import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// Two admins acting against each other at the same moment must still leave an active admin.
@Suite("Last active admin under concurrency")
struct LastAdminRaceTests {
    static func activeAdmins(_ client: some TestClientProtocol, token: String) async throws -> Int {
        let users = try await client.get("/api/v1/users?limit=100", token: token).json["data"] as? [[String: Any]] ?? []
        return users.filter { $0["role"] as? String == "admin" && $0["status"] as? String == "active" }.count
    }

    @Test("demoting, disabling or deleting each other at once: one wins, one admin remains", arguments: TestEngine.available, ["demote", "disable", "delete"])
    func mutualRemoval(engine: TestEngine, action: String) async throws {
        try await withAdminApp(engine) { client, root in
            for round in 0..<4 {
                // Two fresh admins, and the original one stepped aside so they are the only two.
                let a = try await client.createUser("a\(round)", role: "admin", admin: root)
                let b = try await client.createUser("b\(round)", role: "admin", admin: root)
                let tokenA = try await client.login("a\(round)", "Another-good-passphrase-9")
                let tokenB = try await client.login("b\(round)", "Another-good-passphrase-9")
                let rootID = try #require(try await client.get("/api/v1/auth/me", token: root).json["id"] as? String)
                #expect(try await client.send(.patch, "/api/v1/users/\(rootID)", json: #"{"role":"user"}"#, token: tokenA).status == .ok)
                let act: @Sendable (String, String) async throws -> Int = { target, token in
                    switch action {
                    case "demote": Int(try await client.send(.patch, "/api/v1/users/\(target)", json: #"{"role":"user"}"#, token: token).status.code)
                    case "disable": Int(try await client.send(.patch, "/api/v1/users/\(target)", json: #"{"status":"disabled"}"#, token: token).status.code)
                    default: Int(try await client.call(.delete, "/api/v1/users/\(target)", token: token).status.code)
                    }
                }
                async let first = act(b, tokenA)
                async let second = act(a, tokenB)
                let statuses = try await [first, second]
                // Exactly one succeeds; the other is refused as the last admin (409), or finds
                // itself no longer an admin (403) or no longer signed in (401).
                let won = statuses.map { $0 == 200 || $0 == 204 }
                #expect(won.filter { $0 }.count == 1, "round \(round): \(statuses)")
                let survivor = won[0] ? tokenA : tokenB
                let remaining = try await Self.activeAdmins(client, token: survivor)
                #expect(remaining == 1, "round \(round): \(statuses), \(remaining) active admins")
                // Hand back to the original admin for the next round.
                #expect(try await client.send(.patch, "/api/v1/users/\(rootID)", json: #"{"role":"admin"}"#, token: survivor).status == .ok)
                for id in [a, b] { _ = try await client.call(.delete, "/api/v1/users/\(id)", token: root) }
            }
        }
    }

    @Test("four admins sending twelve removals at each other at once: no server error, one admin or more remains", arguments: TestEngine.available)
    func crowd(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, root in
            for round in 0..<3 {
                var admins: [(id: String, token: String)] = []
                for index in 0..<4 {
                    let id = try await client.createUser("c\(round)x\(index)", role: "admin", admin: root)
                    admins.append((id, try await client.login("c\(round)x\(index)", "Another-good-passphrase-9")))
                }
                let rootID = try #require(try await client.get("/api/v1/auth/me", token: root).json["id"] as? String)
                _ = try await client.send(.patch, "/api/v1/users/\(rootID)", json: #"{"role":"user"}"#, token: admins[0].token)
                let crew = admins
                let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                    for index in 0..<12 {
                        let actor = crew[index % 4], target = crew[(index + 1 + index / 4) % 4]
                        group.addTask {
                            switch index % 3 {
                            case 0: Int(try await client.send(.patch, "/api/v1/users/\(target.id)", json: #"{"role":"user"}"#, token: actor.token).status.code)
                            case 1: Int(try await client.send(.patch, "/api/v1/users/\(target.id)", json: #"{"status":"disabled"}"#, token: actor.token).status.code)
                            default: Int(try await client.call(.delete, "/api/v1/users/\(target.id)", token: actor.token).status.code)
                            }
                        }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
                #expect(statuses.allSatisfy { $0 < 500 }, "round \(round): \(statuses)")
                let survivor = try #require(try await Self.firstWorking(client, crew.map(\.token)), "round \(round): no admin token works")
                #expect(try await Self.activeAdmins(client, token: survivor) >= 1)
                #expect(try await client.send(.patch, "/api/v1/users/\(rootID)", json: #"{"role":"admin"}"#, token: survivor).status == .ok)
                for admin in crew { _ = try await client.call(.delete, "/api/v1/users/\(admin.id)", token: root) }
            }
        }
    }

    /// The first token that can still list accounts (its account is still an active admin).
    static func firstWorking(_ client: some TestClientProtocol, _ tokens: [String]) async throws -> String? {
        for token in tokens where try await client.get("/api/v1/users", token: token).status == .ok { return token }
        return nil
    }
}
