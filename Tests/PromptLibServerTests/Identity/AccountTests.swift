import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

@Suite("Accounts and sessions")
struct AccountTests {
    @Test("passwords must meet the policy, and the error names the rule", arguments: TestEngine.available, [
        ("short-pw", "at least 12"), ("my-name-is-carol-1", "username"), ("password1234", "common"),
    ])
    func passwordPolicy(engine: TestEngine, rule: (password: String, message: String)) async throws {
        let (password, rule) = rule
        try await withAdminApp(engine) { client, admin in
            let response = try await client.send(.post, "/api/v1/users", json: #"{"username":"carol","email":"c@example.com","password":"\#(password)"}"#, token: admin)
            #expect(response.status == .badRequest)
            #expect(response.errorField == "password")
            let details = (response.json["error"] as? [String: Any])?["details"] as? [[String: Any]] ?? []
            #expect(details.contains { ($0["message"] as? String)?.contains(rule) == true })
        }
    }

    @Test("changing the password needs the current one and ends the other sessions", arguments: TestEngine.available)
    func changePassword(engine: TestEngine) async throws {
        try await withTestApp(engine) { client in
            let laptop = try await client.login("admin", testAdminPassword)
            let phone = try await client.login("admin", testAdminPassword)
            let sessions = try await client.get("/api/v1/auth/sessions", token: laptop)
            #expect((sessions.json["data"] as? [[String: Any]])?.count == 2)
            let wrong = try await client.send(.post, "/api/v1/auth/me/password", json: #"{"current_password":"nope-nope-nope","new_password":"A-brand-new-passphrase-1"}"#, token: laptop)
            #expect(wrong.status == .forbidden)
            let changed = try await client.send(.post, "/api/v1/auth/me/password", json: #"{"current_password":"\#(testAdminPassword)","new_password":"A-brand-new-passphrase-1"}"#, token: laptop)
            #expect(changed.status == .noContent)
            #expect(try await client.get("/api/v1/auth/me", token: laptop).status == .ok)
            #expect(try await client.get("/api/v1/auth/me", token: phone).status == .unauthorized)
            #expect(try await client.send(.post, "/api/v1/auth/login", json: #"{"login":"admin","password":"\#(testAdminPassword)"}"#).status == .unauthorized)
            _ = try await client.login("admin@localhost", "A-brand-new-passphrase-1")
        }
    }

    @Test("logout and ending a session stop their tokens; other users' sessions cannot be ended", arguments: TestEngine.available)
    func sessions(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let other = try await client.login("admin", testAdminPassword)
            let list = try await client.get("/api/v1/auth/sessions", token: admin)
            let rows = try #require(list.json["data"] as? [[String: Any]])
            let otherID = try #require(rows.first { ($0["current"] as? Bool) == false }?["id"] as? String)
            _ = try await client.createUser("mallory", role: "user", admin: admin)
            let mallory = try await client.login("mallory", "Another-good-passphrase-9")
            #expect(try await client.call(.delete, "/api/v1/auth/sessions/\(otherID)", token: mallory).status == .notFound)
            #expect(try await client.call(.delete, "/api/v1/auth/sessions/\(otherID)", token: admin).status == .noContent)
            #expect(try await client.get("/api/v1/auth/me", token: other).status == .unauthorized)
            #expect(try await client.call(.post, "/api/v1/auth/logout", token: admin).status == .noContent)
            #expect(try await client.get("/api/v1/auth/me", token: admin).status == .unauthorized)
        }
    }

    @Test("the last active admin cannot be demoted, disabled or deleted, nor can admins remove themselves", arguments: TestEngine.available)
    func lastAdmin(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let me = try #require(try await client.get("/api/v1/auth/me", token: admin).json["id"] as? String)
            for body in [#"{"role":"user"}"#, #"{"status":"disabled"}"#] {
                #expect(try await client.send(.patch, "/api/v1/users/\(me)", json: body, token: admin).status == .conflict)
            }
            #expect(try await client.call(.delete, "/api/v1/users/\(me)", token: admin).status == .conflict)
            let second = try await client.createUser("second", role: "admin", admin: admin)
            #expect(try await client.send(.patch, "/api/v1/users/\(me)", json: #"{"role":"user"}"#, token: admin).status == .conflict, "not yourself")
            let other = try await client.login("second", "Another-good-passphrase-9")
            #expect(try await client.send(.patch, "/api/v1/users/\(me)", json: #"{"role":"user"}"#, token: other).status == .ok)
            #expect(try await client.call(.delete, "/api/v1/users/\(second)", token: other).status == .conflict, "second is now the last admin")
        }
    }

    @Test("usernames and emails are unique, case-insensitively", arguments: TestEngine.available)
    func uniqueness(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            _ = try await client.createUser("erin", role: "user", admin: admin)
            let again = try await client.send(.post, "/api/v1/users", json: #"{"username":"erin2","email":"ERIN@example.com","password":"Another-good-passphrase-9"}"#, token: admin)
            #expect(again.status == .conflict)
            #expect(again.errorCode == "ALREADY_EXISTS")
        }
    }
}
