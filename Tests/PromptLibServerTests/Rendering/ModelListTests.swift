import Foundation
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibCore
import PromptLibTestSupport
import Testing

/// `GET /api/v1/models`: the catalogue renders use, for model pickers.
@Suite("Model catalogue")
struct ModelListTests {
    @Test("every model, paged; one provider's with its default; a bad provider is a 400")
    func catalogue() async throws {
        try await withAdminApp(.sqlite) { client, admin in
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await client.get("/api/v1/models?limit=20" + (cursor.map { "&cursor=\($0)" } ?? ""), token: admin)
                #expect(page.status == .ok)
                seen += ((page.json["data"] as? [[String: Any]]) ?? []).map { "\($0["provider"] ?? "")/\($0["model"] ?? "")" }
                cursor = (page.json["page"] as? [String: Any])?["next_cursor"] as? String
            } while cursor != nil
            #expect(seen == ModelCatalogue.all.map { "\($0.provider)/\($0.model)" })
            let anthropic = try await client.get("/api/v1/models?provider=anthropic&limit=100", token: admin)
            let models = (anthropic.json["data"] as? [[String: Any]]) ?? []
            #expect(!models.isEmpty && models.allSatisfy { $0["provider"] as? String == "anthropic" })
            #expect(models.filter { $0["default"] as? Bool == true }.map { $0["model"] as? String } == [ModelCatalogue.defaultModel(for: "anthropic")])
            let responses = try await client.get("/api/v1/models?provider=openai_responses&limit=1", token: admin)
            #expect(((responses.json["data"] as? [[String: Any]])?.first)?["provider"] as? String == "openai")
            let bad = try await client.get("/api/v1/models?provider=nope", token: admin)
            #expect(bad.status == .badRequest && (bad.json["error"] as? [String: Any])?["field"] as? String == "provider")
        }
    }
}
