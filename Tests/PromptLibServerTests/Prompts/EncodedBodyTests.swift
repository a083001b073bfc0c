import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// Fetched bodies are kept encoded (``EncodedBodyCache``); whatever a body shows that can change —
/// labels, the archived state, a new version — is seen on the very next fetch.
@Suite("Encoded bodies")
struct EncodedBodyTests {
    static func labels(_ response: TestResponse) -> [String] { response.json["labels"] as? [String] ?? [] }

    @Test("a fetch after a label move, an archive or a new version shows it", arguments: TestEngine.available)
    func changesShow(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, token in
            let id = try await client.createPrompt("bodies/greeter", goal: "v1 {{who}}", token: token)
            let byName = "/api/v1/prompts/by-name/bodies%2Fgreeter?label=latest"
            for _ in 0..<2 { #expect(Self.labels(try await client.get(byName, token: token)) == ["latest"]) }
            for _ in 0..<2 { #expect(Self.labels(try await client.get("/api/v1/prompts/\(id)", token: token)) == ["latest"]) }

            #expect(try await LabelTests.move(client, id, "staging", to: 1, token: token).status == .ok)
            #expect(Self.labels(try await client.get(byName, token: token)) == ["latest", "staging"])
            #expect(Self.labels(try await client.get("/api/v1/prompts/\(id)", token: token)) == ["latest", "staging"])
            #expect(Self.labels(try await client.get("/api/v1/prompts/\(id)/versions/1", token: token)) == ["latest", "staging"])

            _ = try await client.putPrompt(id, json: promptJSON("bodies/greeter", goal: "v2 {{who}}"), token: token)
            let latest = try await client.get(byName, token: token)
            #expect((latest.json["prompt"] as? [String: Any])?["goal"] as? String == "v2 {{who}}")
            #expect(Self.labels(latest) == ["latest"])
            #expect(Self.labels(try await client.get("/api/v1/prompts/\(id)/versions/1", token: token)) == ["staging"])

            #expect(try await client.call(.delete, "/api/v1/prompts/\(id)", token: token).status == .ok)
            #expect(try await client.get(byName, token: token).json["status"] as? String == "archived")
            #expect(try await client.get("/api/v1/prompts/\(id)", token: token).json["status"] as? String == "archived")
        }
    }
}
