import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

@Suite("Collaborators")
struct CollaboratorTests {
    @Test("collaborators the owner adds may write; they may not archive or add others", arguments: TestEngine.available)
    func collaborators(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            for (name, role) in [("olga", "user"), ("carl", "user"), ("vince", "viewer")] { _ = try await client.createUser(name, role: role, admin: admin) }
            let olga = try await client.login("olga", "Another-good-passphrase-9")
            let carl = try await client.login("carl", "Another-good-passphrase-9")
            let id = try await client.createPrompt("shared", token: olga)
            #expect(try await client.putPrompt(id, json: promptJSON("shared", goal: "carl {{who}}"), token: carl).status == .forbidden)
            #expect(try await client.call(.put, "/api/v1/prompts/\(id)/collaborators/carl", token: carl).status == .forbidden)
            let added = try await client.call(.put, "/api/v1/prompts/\(id)/collaborators/carl", token: olga)
            #expect(added.status == .ok)
            #expect((added.json["data"] as? [[String: Any]])?.first?["username"] as? String == "carl")
            let written = try await client.putPrompt(id, json: promptJSON("shared", goal: "carl {{who}}"), token: carl)
            #expect(written.status == .ok)
            #expect(written.json["owner"] as? String == "olga", "a collaborator's version keeps the owner")
            #expect(written.json["author"] as? String == "carl")
            #expect(try await client.call(.delete, "/api/v1/prompts/\(id)", token: carl).status == .forbidden, "archiving is the owner's")
            #expect(try await client.call(.put, "/api/v1/prompts/\(id)/collaborators/vince", token: olga).status == .badRequest)
            #expect(try await client.call(.put, "/api/v1/prompts/\(id)/collaborators/nobody", token: olga).status == .notFound)
            #expect(try await client.call(.delete, "/api/v1/prompts/\(id)/collaborators/carl", token: olga).status == .noContent)
            #expect(try await client.putPrompt(id, json: promptJSON("shared", goal: "again {{who}}"), token: carl).status == .forbidden)
            let audit = try await client.get("/api/v1/audit-events?target=\(id)", token: admin)
            let actions = (audit.json["data"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
            #expect(actions.contains("prompt.collaborator.added") && actions.contains("prompt.collaborator.removed"))
        }
    }
}
