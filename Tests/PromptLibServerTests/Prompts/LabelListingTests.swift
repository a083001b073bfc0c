import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// Labels can be listed and removed; `latest` stays immovable, `production` keeps its guard, and
/// route words are no label names.
@Suite("Listing and removing labels")
struct LabelListingTests {
    @Test("GET …/labels lists them; DELETE removes one, recorded in the history", arguments: TestEngine.available)
    func listAndRemove(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await client.createPrompt("rel/one", token: admin)
            _ = try await client.putPrompt(id, json: promptJSON("rel/one", goal: "Hi {{who}}"), token: admin)
            _ = try await LabelTests.move(client, id, "production", to: 1, token: admin)
            _ = try await LabelTests.move(client, id, "staging", to: 2, token: admin)
            let listed = try await client.get("/api/v1/prompts/\(id)/labels", token: admin)
            #expect(listed.status == .ok)
            let pairs = (listed.json["data"] as? [[String: Any]])?.map { "\($0["label"] ?? "")@\($0["version"] ?? "")" }
            #expect(pairs == ["latest@2", "production@1", "staging@2"])
            let removed = try await client.call(.delete, "/api/v1/prompts/\(id)/labels/staging", token: admin)
            #expect(removed.status == .ok && removed.json["removed"] as? Bool == true && removed.json["version"] as? Int == 2)
            #expect(try await client.call(.delete, "/api/v1/prompts/\(id)/labels/staging", token: admin).status == .notFound)
            #expect(try await client.call(.delete, "/api/v1/prompts/\(id)/labels/latest", token: admin).status == .badRequest)
            let history = try await client.get("/api/v1/prompts/\(id)/labels/history", token: admin)
            let newest = (history.json["data"] as? [[String: Any]])?.first
            #expect(newest?["label"] as? String == "staging" && newest?["removed"] as? Bool == true)
            #expect(try await client.get("/api/v1/prompts/\(id)", token: admin).json["labels"] as? [String] == ["latest"])
        }
    }

    @Test("removing production takes the owner or an admin; a collaborator may remove other labels", arguments: TestEngine.available)
    func rights(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            _ = try await client.createUser("olga", role: "user", admin: admin)
            _ = try await client.createUser("carl", role: "user", admin: admin)
            let olga = try await client.login("olga", "Another-good-passphrase-9")
            let carl = try await client.login("carl", "Another-good-passphrase-9")
            let id = try await client.createPrompt("rel/two", token: olga)
            _ = try await client.call(.put, "/api/v1/prompts/\(id)/collaborators/carl", token: olga)
            _ = try await LabelTests.move(client, id, "production", to: 1, token: olga)
            _ = try await LabelTests.move(client, id, "beta", to: 1, token: olga)
            #expect(try await client.call(.delete, "/api/v1/prompts/\(id)/labels/production", token: carl).status == .forbidden)
            #expect(try await client.call(.delete, "/api/v1/prompts/\(id)/labels/beta", token: carl).status == .ok)
            #expect(try await client.call(.delete, "/api/v1/prompts/\(id)/labels/production", token: olga).status == .ok)
        }
    }

    @Test("'history' is a route word, not a label name", arguments: TestEngine.available)
    func reserved(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await client.createPrompt("rel/three", token: admin)
            let response = try await LabelTests.move(client, id, "history", to: 1, token: admin)
            #expect(response.status == .badRequest && response.errorField == "label")
        }
    }
}
