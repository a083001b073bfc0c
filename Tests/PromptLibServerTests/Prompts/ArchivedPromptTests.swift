import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// An archived prompt is still served by name and rendered — archiving must not break an
/// application at run time — but never reported as active: the status says archived, and renders warn.
@Suite("Archived prompts")
struct ArchivedPromptTests {
    @Test("fetching an archived prompt by name or version reports it archived; its renders warn", arguments: TestEngine.available)
    func archived(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await client.createPrompt("ops/old", token: admin)
            #expect(try await client.call(.delete, "/api/v1/prompts/\(id)", token: admin).status == .ok)
            for path in ["/api/v1/prompts/by-name/ops%2Fold", "/api/v1/prompts/by-name/ops%2Fold?label=latest", "/api/v1/prompts/\(id)/versions/1"] {
                let fetched = try await client.get(path, token: admin)
                #expect(fetched.status == .ok, "\(path)")
                #expect(fetched.json["status"] as? String == "archived", "\(path)")
                #expect(fetched.json["archived_at"] is String, "\(path)")
            }
            let yaml = try await client.get("/api/v1/prompts/by-name/ops%2Fold", token: admin, headers: [.accept: "application/yaml"])
            #expect(String(buffer: yaml.body).contains("status: archived"))
            let rendered = try await client.send(.post, "/api/v1/prompts/\(id)/render", json: #"{"provider":"openai","variables":{"who":"x"}}"#, token: admin)
            #expect(rendered.status == .ok)
            #expect((rendered.json["warnings"] as? [String])?.first?.contains("is archived") == true)
            let includer = try await client.createPrompt("ops/includer", goal: "{{> ops/old}} again", token: admin)
            let viaInclude = try await client.send(.post, "/api/v1/prompts/\(includer)/render", json: #"{"provider":"openai","variables":{"who":"x"}}"#, token: admin)
            #expect((viaInclude.json["warnings"] as? [String])?.contains { $0.contains("included prompt 'ops/old' is archived") } == true)
            _ = try await client.call(.post, "/api/v1/prompts/\(id)/restore", token: admin)
            let restored = try await client.get("/api/v1/prompts/by-name/ops%2Fold", token: admin)
            #expect(restored.json["status"] as? String == "active" && restored.json["archived_at"] is NSNull)
        }
    }
}
