import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibCore
import PromptLibTestSupport
import Testing

@Suite("Render and export")
struct RenderTests {
    static let prompt = #"""
    {"name":"shop/describe","title":"Describe","tags":["shop"],
     "prompt":{"goal":"Describe {{product}} for {{audience_kind}} in {{words}} words","constraints":["No prices"],"output":{"format":"json","fields":["title","body"]}},
     "variables":[{"name":"product","type":"string","required":true},{"name":"words","type":"integer","required":true},
                  {"name":"audience_kind","type":"enum","options":["kids","adults"],"default":"adults"},{"name":"token","type":"string","sensitive":true}],
     "model":{"provider":"openai","name":"gpt-4o","temperature":1.2,"max_tokens":300}}
    """#

    static func create(_ client: some TestClientProtocol, _ json: String, token: String) async throws -> String {
        let response = try await client.send(.post, "/api/v1/prompts", json: json, token: token)
        guard let id = response.json["id"] as? String else { throw TestSetupError("create failed: \(String(buffer: response.body))") }
        return id
    }

    @Test("a render substitutes typed values and returns the provider's body, messages and a token estimate", arguments: TestEngine.available)
    func render(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await Self.create(client, Self.prompt, token: admin)
            let response = try await client.send(.post, "/api/v1/prompts/\(id)/render",
                json: #"{"provider":"openai","variables":{"product":"a <b>kettle</b> & cup","words":50}}"#, token: admin)
            #expect(response.status == .ok)
            let payload = try #require(response.json["payload"] as? [String: Any])
            let messages = try #require(payload["messages"] as? [[String: Any]])
            #expect(messages.last?["content"] as? String == "Describe a <b>kettle</b> & cup for adults in 50 words")
            #expect(payload["temperature"] as? Double == 1.2 && payload["max_completion_tokens"] as? Int == 300)
            #expect(((payload["response_format"] as? [String: Any])?["type"]) as? String == "json_schema")
            let raw = String(buffer: response.body)
            let fields = ["\"title\":{", "\"body\":{"].map { raw.range(of: $0)?.lowerBound }
            #expect(fields[0] != nil && fields[1] != nil && fields[0]! < fields[1]!, "the schema keeps the declared order: \(raw)")
            #expect(response.json["version"] as? Int == 1 && (response.json["token_estimate"] as? Int ?? 0) > 10)

            let llama = try await client.send(.post, "/api/v1/prompts/\(id)/render",
                json: #"{"provider":"llama","model":"llama-3.3-70b","variables":{"product":"p","words":5}}"#, token: admin)
            #expect((llama.json["text"] as? String)?.hasPrefix("<|begin_of_text|><|start_header_id|>system<|end_header_id|>") == true)
            #expect(llama.json["model"] as? String == "llama-3.3-70b")
        }
    }

    @Test("every wrong or missing value is one 422 detail, and no value is echoed", arguments: TestEngine.available)
    func wrongValues(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await Self.create(client, Self.prompt, token: admin)
            let secret = "sk-live-ABCDEF0123456789"
            let response = try await client.send(.post, "/api/v1/prompts/\(id)/render",
                json: #"{"provider":"openai","variables":{"words":1.5,"audience_kind":"pets","token":{"not":"a string \#(secret)"}}}"#, token: admin)
            #expect(response.status == .unprocessableContent)
            let error = try #require(response.json["error"] as? [String: Any])
            #expect(error["code"] as? String == "VALIDATION_ERROR")
            let fields = Set((error["details"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["variables.product", "variables.words", "variables.audience_kind", "variables.token"])
            #expect(!String(buffer: response.body).contains(secret))
            let unknown = try await client.send(.post, "/api/v1/prompts/\(id)/render", json: #"{"provider":"cohere"}"#, token: admin)
            #expect(unknown.status == .badRequest)
        }
    }

    @Test("compare renders each provider, and a setting out of one provider's range fails only that one", arguments: TestEngine.available)
    func compare(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await Self.create(client, Self.prompt, token: admin)
            let response = try await client.send(.post, "/api/v1/prompts/\(id)/render/compare",
                json: #"{"providers":["openai","anthropic","gemini","bedrock","llama"],"variables":{"product":"p","words":5}}"#, token: admin)
            #expect(response.status == .ok)
            let renders = try #require(response.json["renders"] as? [[String: Any]])
            #expect(renders.count == 5)
            #expect(renders.filter { $0["error"] != nil }.compactMap { $0["provider"] as? String } == ["anthropic", "bedrock"],
                    "temperature 1.2 is above 1 for anthropic and bedrock")
            #expect((renders[2]["payload"] as? [String: Any])?["systemInstruction"] != nil)
            let missing = try await client.send(.post, "/api/v1/prompts/\(id)/render/compare", json: #"{"providers":["openai"]}"#, token: admin)
            #expect(missing.status == .unprocessableContent)
        }
    }

    @Test("a render picks the version by label or number and resolves includes", arguments: TestEngine.available)
    func versionsAndIncludes(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let partID = try await client.createPrompt("parts/tone", goal: "Be warm", token: admin)
            _ = try await client.putPrompt(partID, json: promptJSON("parts/tone", goal: "Be brisk"), token: admin)
            let id = try await client.createPrompt("mail/hello", goal: "Greet {{who}}. {{> parts/tone@1}} and {{> parts/tone}}", token: admin)
            let response = try await client.send(.post, "/api/v1/prompts/\(id)/render",
                json: #"{"provider":"anthropic","variables":{"who":"Ann"}}"#, token: admin)
            #expect(response.status == .ok)
            let messages = try #require((response.json["payload"] as? [String: Any])?["messages"] as? [[String: Any]])
            #expect(messages.first?["content"] as? String == "Greet Ann. Be warm and Be brisk")
            #expect((response.json["resolved"] as? [[String: Any]])?.count == 2)
            _ = try await client.putPrompt(id, json: promptJSON("mail/hello", goal: "Version two for {{who}}"), token: admin)
            _ = try await client.send(.put, "/api/v1/prompts/\(id)/labels/production", json: #"{"version":1}"#, token: admin)
            let production = try await client.send(.post, "/api/v1/prompts/\(id)/render", json: #"{"provider":"openai","variables":{"who":"B"}}"#, token: admin)
            #expect(production.json["version"] as? Int == 1, "without version or label, production is rendered")
            let two = try await client.send(.post, "/api/v1/prompts/\(id)/render", json: #"{"provider":"openai","version":2,"variables":{"who":"B"}}"#, token: admin)
            #expect(((two.json["messages"] as? [[String: Any]])?.last?["content"]) as? String == "Version two for B")
        }
    }

    @Test("export gives a named file in each format that reads back as the version", arguments: TestEngine.available)
    func export(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await Self.create(client, Self.prompt, token: admin)
            let stored = try PromptImportParser.parse(String(buffer: try await client.get("/api/v1/prompts/\(id)?format=yaml", token: admin).body))
            for format in ExportFormat.allCases where format != .anthropic && format != .bedrock {
                let response = try await client.get("/api/v1/prompts/\(id)/export?format=\(format.rawValue)", token: admin)
                #expect(response.status == .ok, "\(format)")
                #expect(response.headers[.contentType] == format.contentType)
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"shop__describe.v1.\(format.fileExtension)\"")
                let back = try PromptImportParser.parse(String(buffer: response.body))
                #expect(back == stored, "\(format)")
            }
            let openai = String(buffer: try await client.get("/api/v1/prompts/\(id)/export?format=openai", token: admin).body)
            #expect(openai.contains("{{product}}"))
            let filled = try await client.get("/api/v1/prompts/\(id)/export?format=openai&variables=%7B%22product%22%3A%22tea%22%2C%22words%22%3A3%7D", token: admin)
            #expect(String(buffer: filled.body).contains("Describe tea for adults in 3 words"))
            #expect(try await client.get("/api/v1/prompts/\(id)/export?format=anthropic", token: admin).status == .unprocessableContent,
                    "temperature 1.2 is out of anthropic's range")
            #expect(try await client.get("/api/v1/prompts/\(id)/export?format=docx", token: admin).status == .badRequest)
        }
    }
}
