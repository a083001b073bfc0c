import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// An include brings its variable declarations: the includer's contract is the union, renders bind
/// and check them, the unused-variable warning sees uses inside includes, and conflicts are refused.
@Suite("Includes carry their variables")
struct IncludedVariablesTests {
    static func prompt(_ name: String, goal: String, variables: String) -> String {
        #"{"name":"\#(name)","title":"T","prompt":{"goal":"\#(goal)"},"variables":\#(variables)}"#
    }

    @Test("an included prompt's variables are bound, checked and shown in the render's contract", arguments: TestEngine.available)
    func merged(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let shared = try await client.send(.post, "/api/v1/prompts", json: Self.prompt("shared/needs-var", goal: "Hello {{name}}",
                variables: #"[{"name":"name","type":"string","required":true}]"#), token: admin)
            #expect(shared.status == .created)
            let parent = try await client.send(.post, "/api/v1/prompts", json: Self.prompt("app/greets", goal: "{{> shared/needs-var}} from {{team}}",
                variables: #"[{"name":"team","type":"string","default":"us"}]"#), token: admin)
            #expect(parent.status == .created)
            let id = try #require(parent.json["id"] as? String)
            let rendered = try await client.send(.post, "/api/v1/prompts/\(id)/render", json: #"{"provider":"openai","variables":{"name":"Ada"}}"#, token: admin)
            #expect(rendered.status == .ok)
            let messages = try #require(rendered.json["messages"] as? [[String: Any]])
            #expect(messages.last?["content"] as? String == "Hello Ada from us")
            #expect((rendered.json["warnings"] as? [String])?.contains { $0.contains("not declared") } == false)
            let names = (rendered.json["variables"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            #expect(names == ["team", "name"])
            // The included prompt's `required` holds for the includer too.
            let missing = try await client.send(.post, "/api/v1/prompts/\(id)/render", json: #"{"provider":"openai"}"#, token: admin)
            #expect(missing.status == .unprocessableContent)
            #expect(String(buffer: missing.body).contains("variables.name"))
        }
    }

    @Test("declaring an included variable in the includer is no 'unused variable' warning", arguments: TestEngine.available)
    func noUnusedWarning(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            _ = try await client.send(.post, "/api/v1/prompts", json: Self.prompt("shared/hello", goal: "Hello {{name}}",
                variables: #"[{"name":"name","type":"string"}]"#), token: admin)
            let parent = try await client.send(.post, "/api/v1/prompts", json: Self.prompt("app/hello", goal: "{{> shared/hello}}!",
                variables: #"[{"name":"name","type":"string","default":"friend"}]"#), token: admin)
            #expect(parent.status == .created)
            #expect(parent.json["warnings"] == nil, "\(String(buffer: parent.body))")
            let id = try #require(parent.json["id"] as? String)
            let rendered = try await client.send(.post, "/api/v1/prompts/\(id)/render", json: #"{"provider":"gemini"}"#, token: admin)
            #expect(((rendered.json["messages"] as? [[String: Any]])?.last?["content"]) as? String == "Hello friend!")
        }
    }

    @Test("a variable whose type or options disagree with an include's is refused at save, naming both prompts", arguments: TestEngine.available)
    func conflict(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            _ = try await client.send(.post, "/api/v1/prompts", json: Self.prompt("shared/count", goal: "Count {{n}} and {{mode}}",
                variables: #"[{"name":"n","type":"integer"},{"name":"mode","type":"enum","options":["a","b"]}]"#), token: admin)
            let typed = try await client.send(.post, "/api/v1/prompts", json: Self.prompt("app/count", goal: "{{> shared/count}} {{n}}",
                variables: #"[{"name":"n","type":"string"}]"#), token: admin)
            #expect(typed.status == .unprocessableContent)
            let text = String(buffer: typed.body)
            #expect(text.contains("app/count") && text.contains("shared/count") && text.contains("variables.n"))
            let options = try await client.send(.post, "/api/v1/prompts", json: Self.prompt("app/mode", goal: "{{> shared/count}} {{mode}}",
                variables: #"[{"name":"mode","type":"enum","options":["a","c"]}]"#), token: admin)
            #expect(options.status == .unprocessableContent)
            let list = try await client.get("/api/v1/prompts?q=app", token: admin)
            #expect((list.json["data"] as? [Any])?.isEmpty == true, "nothing was saved")
        }
    }
}
