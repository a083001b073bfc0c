import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// What a new user met importing: rights problems are 403s, plain provider requests import with a
/// name, and a file of no known kind is told what is accepted.
@Suite("Importing: permissions, provider requests, unknown files")
struct ImportRoughEdgesTests {
    @Test("a non-owner asking for new_version is told it is a permission problem (403)", arguments: TestEngine.available)
    func notYours(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            _ = try await client.createPrompt("imp/owned", token: admin)
            _ = try await client.createUser("ivan", role: "user", admin: admin)
            let ivan = try await client.login("ivan", "Another-good-passphrase-9")
            let body = Data(promptJSON("imp/owned", goal: "Changed {{who}}").utf8)
            let response = try await ExchangeTests.upload(client, body, query: "?on_conflict=new_version", contentType: "application/json", token: ivan)
            #expect(response.status == .forbidden, "\(String(buffer: response.body))")
            #expect(response.errorCode == "PERMISSION_DENIED")
            #expect(String(buffer: response.body).contains("imp/owned"))
        }
    }

    @Test("a plain OpenAI request imports with ?name=, its variables declared; without a name it says how", arguments: TestEngine.available)
    func providerRequest(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let request = #"{"model":"gpt-5.5","temperature":0.3,"messages":[{"role":"system","content":"You sort mail."},{"role":"user","content":"Sort: {{mail}}"}]}"#
            let nameless = try await ExchangeTests.upload(client, Data(request.utf8), contentType: "application/json", token: admin)
            #expect(nameless.status == .badRequest)
            #expect(String(buffer: nameless.body).contains("?name="))
            let named = try await ExchangeTests.upload(client, Data(request.utf8), query: "?name=imported/sorter", contentType: "application/json", token: admin)
            #expect(named.status == .ok, "\(String(buffer: named.body))")
            let fetched = try await client.get("/api/v1/prompts/by-name/imported%2Fsorter", token: admin)
            #expect(fetched.status == .ok)
            #expect((fetched.json["variables"] as? [[String: Any]])?.first?["name"] as? String == "mail")
            #expect((fetched.json["model"] as? [String: Any])?["name"] as? String == "gpt-5.5")
            let messages = (fetched.json["prompt"] as? [String: Any])?["messages"] as? [[String: Any]]
            #expect(messages?.count == 2 && messages?.first?["role"] as? String == "system")
        }
    }

    @Test("a file of no known kind, an empty upload, or a request of another shape is told what is accepted")
    func unknownKind() async throws {
        try await withAdminApp(.sqlite) { client, admin in
            for (body, type) in [("", "application/json"), ("   ", "application/yaml"), ("[]", "application/json")] {
                let empty = try await ExchangeTests.upload(client, Data(body.utf8), contentType: type, token: admin)
                #expect(empty.status == .badRequest && String(buffer: empty.body).contains("no prompt"), "\(body): \(String(buffer: empty.body))")
            }
            let responses = #"{"model":"gpt-5.5","input":[{"role":"user","content":"hi"}]}"#
            for query in ["", "?name=imp/responses"] {
                let other = try await ExchangeTests.upload(client, Data(responses.utf8), query: query, contentType: "application/json", token: admin)
                #expect(other.status == .badRequest && String(buffer: other.body).contains("messages list"), "\(String(buffer: other.body))")
            }
            let response = try await ExchangeTests.upload(client, Data("just some words\n".utf8), contentType: "text/plain", token: admin)
            #expect(response.status == .badRequest)
            let text = String(buffer: response.body)
            #expect(text.contains("Markdown") && text.contains(".zip") && text.contains("YAML"), "\(text)")
        }
    }
}
