import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// Who may do what, decided by account id and current access — never by a name or a past grant.
@Suite("Access rules")
struct AccessRulesTests {
    static let password = "Another-good-passphrase-9"

    @Test("a collaborator cannot rename the owner's prompt away (and so cannot put another under its name); the owner's rename shows in the history",
          arguments: TestEngine.available)
    func renames(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            _ = try await client.createUser("alice", role: "user", admin: admin)
            _ = try await client.createUser("bob", role: "user", admin: admin)
            let alice = try await client.login("alice", Self.password)
            let bob = try await client.login("bob", Self.password)
            let id = try await client.createPrompt("team/greeting", token: alice)
            #expect(try await client.send(.put, "/api/v1/prompts/\(id)/collaborators/bob", json: "", token: alice).status == .ok)
            let hijack = try await client.putPrompt(id, json: promptJSON("team/elsewhere", goal: "Greet {{who}}"), token: bob)
            #expect(hijack.status == .forbidden && hijack.errorField == "name", "\(String(buffer: hijack.body))")
            #expect(try await client.putPrompt(id, json: promptJSON("team/greeting", goal: "Hello {{who}}"), token: bob).status == .ok)
            #expect(try await client.putPrompt(id, json: promptJSON("team/renamed", goal: "Hello {{who}}"), token: alice).status == .ok)
            let history = try await client.get("/api/v1/prompts/\(id)/versions", token: alice).json["data"] as? [[String: Any]] ?? []
            #expect(history.compactMap { $0["name"] as? String } == ["team/renamed", "team/greeting", "team/greeting"])
            let renamed = try await client.get("/api/v1/audit-events?action=prompt.renamed", token: admin).json["data"] as? [Any]
            #expect(renamed?.count == 1)
        }
    }

    @Test("a new account under a deleted account's name owns nothing of the old one's, and the owner is still shown", arguments: TestEngine.available)
    func ownershipByID(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let first = try await client.createUser("erin", role: "user", admin: admin)
            let id = try await client.createPrompt("erin/notes", token: try await client.login("erin", Self.password))
            #expect(try await client.call(.delete, "/api/v1/users/\(first)", token: admin).status == .noContent)
            _ = try await client.createUser("erin", role: "user", admin: admin)
            let impostor = try await client.login("erin", Self.password)
            #expect(try await client.call(.delete, "/api/v1/prompts/\(id)", token: impostor).status == .forbidden)
            #expect(try await client.send(.post, "/api/v1/prompts/\(id)/shares", json: "{}", token: impostor).status == .forbidden)
            #expect(try await client.putPrompt(id, json: promptJSON("erin/notes", goal: "Mine {{who}}"), token: impostor).status == .forbidden)
            #expect(try await client.send(.put, "/api/v1/prompts/\(id)/collaborators/erin", json: "", token: impostor).status == .forbidden)
            #expect(try await client.get("/api/v1/prompts/\(id)", token: admin).json["owner"] as? String == "erin")
            let transfer = try await client.putPrompt(id, json: #"{"name":"erin/notes","title":"t","owner":"nobody-at-all","prompt":{"goal":"g"}}"#, token: admin)
            #expect(transfer.status == .badRequest && transfer.errorField == "owner")
            // An admin's edit naming the same owner hands nothing over; naming another account does.
            #expect(try await client.putPrompt(id, json: #"{"name":"erin/notes","title":"t","owner":"erin","prompt":{"goal":"g"}}"#, token: admin).status == .ok)
            #expect(try await client.call(.delete, "/api/v1/prompts/\(id)", token: impostor).status == .forbidden)
            _ = try await client.createUser("frank", role: "user", admin: admin)
            #expect(try await client.putPrompt(id, json: #"{"name":"erin/notes","title":"t","owner":"frank","prompt":{"goal":"g"}}"#, token: admin).status == .ok)
            #expect(try await client.call(.delete, "/api/v1/prompts/\(id)", token: try await client.login("frank", Self.password)).status == .ok)
        }
    }

    @Test("a collaborator's share link ends when they are removed or disabled; a disabled account's API keys stay dead after re-enabling",
          arguments: TestEngine.available)
    func accessEnds(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            _ = try await client.createUser("olga", role: "user", admin: admin)
            let carlID = try await client.createUser("carl", role: "user", admin: admin)
            let olga = try await client.login("olga", Self.password)
            let carl = try await client.login("carl", Self.password)
            let id = try await client.createPrompt("shared/doc", token: olga)
            _ = try await client.send(.put, "/api/v1/prompts/\(id)/collaborators/carl", json: "", token: olga)
            let link = try await ShareTests.share(client, id, "{}", token: carl).token
            #expect(try await ShareTests.view(client, link).status == .ok)
            #expect(try await client.call(.delete, "/api/v1/prompts/\(id)/collaborators/carl", token: olga).status == .noContent)
            #expect(try await ShareTests.view(client, link).status == .gone)
            _ = try await client.send(.put, "/api/v1/prompts/\(id)/collaborators/carl", json: "", token: olga)
            #expect(try await ShareTests.view(client, link).status == .ok)
            let key = try await APIKeyTests.createKey(client, scopes: #""prompts:read""#, token: carl).key
            #expect(try await client.get("/api/v1/prompts", token: key).status == .ok)
            _ = try await client.send(.patch, "/api/v1/users/\(carlID)", json: #"{"status":"disabled"}"#, token: admin)
            #expect(try await ShareTests.view(client, link).status == .gone)
            #expect(try await client.get("/api/v1/prompts", token: key).status == .unauthorized)
            _ = try await client.send(.patch, "/api/v1/users/\(carlID)", json: #"{"status":"active"}"#, token: admin)
            #expect(try await client.get("/api/v1/prompts", token: key).status == .unauthorized, "re-enabling does not revive keys")
        }
    }

    @Test("an admin's own password changes only with the current one: a stolen token cannot reset it through /users/{id}")
    func ownPassword() async throws {
        try await withAdminApp(.sqlite) { client, admin in
            let me = try #require(try await client.get("/api/v1/auth/me", token: admin).json["id"] as? String)
            let reset = try await client.send(.patch, "/api/v1/users/\(me)", json: #"{"password":"Stolen-token-new-pass-1"}"#, token: admin)
            #expect(reset.status == .forbidden && reset.errorField == "password")
            #expect(try await client.get("/api/v1/prompts", token: admin).status == .ok, "the session lives on")
        }
    }

    @Test("a non-admin naming another owner is told only an admin may, not silently ignored")
    func ownerChangeRefused() async throws {
        try await withAdminApp(.sqlite) { client, admin in
            _ = try await client.createUser("nora", role: "user", admin: admin)
            let nora = try await client.login("nora", Self.password)
            let id = try await client.createPrompt("nora/p", token: nora)
            let response = try await client.putPrompt(id, json: #"{"name":"nora/p","title":"t","owner":"admin","prompt":{"goal":"g"}}"#, token: nora)
            #expect(response.status == .forbidden && response.errorField == "owner")
            #expect(try await client.putPrompt(id, json: #"{"name":"nora/p","title":"t","owner":"nora","prompt":{"goal":"g"}}"#, token: nora).status == .ok)
        }
    }
}
