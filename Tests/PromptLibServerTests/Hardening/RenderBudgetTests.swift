import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibCore
import PromptLibTestSupport
import Testing

/// Sections over lists nested in each other multiply: the bound is computed before rendering.
@Suite("Render budget")
struct RenderBudgetTests {
    static func nested(_ depth: Int) -> String {
        String(repeating: "{{#a}}", count: depth) + "x" + String(repeating: "{{/a}}", count: depth)
    }

    @Test("seven nested sections over a ten-item list are a quick 422 for a viewer; three render", arguments: TestEngine.available)
    func nestedSections(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            var ids: [Int: String] = [:]
            for depth in [3, 7] {
                let body = #"{"name":"m/n\#(depth)","title":"T","prompt":{"goal":"\#(Self.nested(depth))"},"variables":[{"name":"a","type":"list","default":[0,1,2,3,4,5,6,7,8,9]}]}"#
                ids[depth] = try #require(try await client.send(.post, "/api/v1/prompts", json: body, token: admin).json["id"] as? String)
            }
            _ = try await client.createUser("vic", role: "viewer", admin: admin)
            let viewer = try await client.login("vic", "Another-good-passphrase-9")
            let started = ContinuousClock.now
            let big = try await client.send(.post, "/api/v1/prompts/\(ids[7]!)/render", json: #"{"provider":"openai"}"#, token: viewer)
            #expect(big.status == .unprocessableContent, "\(big.status)")
            #expect(ContinuousClock.now - started < .seconds(2))
            let small = try await client.send(.post, "/api/v1/prompts/\(ids[3]!)/render", json: #"{"provider":"openai"}"#, token: viewer)
            #expect(small.status == .ok)
            let text = ((small.json["payload"] as? [String: Any])?["messages"] as? [[String: Any]])?.compactMap { $0["content"] as? String }.joined() ?? ""
            #expect(text.filter { $0 == "x" }.count == 1_000)
        }
    }

    @Test("the bound covers what is rendered, and item fields count as the largest list")
    func bound() {
        let values: [String: JSONValue] = ["a": .array((0..<10).map { .number(Double($0)) }), "name": .string("Ada")]
        #expect(RenderBudget.bound(of: [Self.nested(2)], values: values) >= 100)
        #expect(RenderBudget.bound(of: ["Hi {{name}}!"], values: values) >= 7)
        #expect(RenderBudget.bound(of: ["{{#a}}{{#tags}}t{{/tags}}{{/a}}"], values: values) >= 100, "unknown item field: as long as the longest list")
        #expect(RenderBudget.bound(of: [Self.nested(7)], values: values) > Double(RenderBudget.maxBytes))
    }

    @Test("dotted names into json variables are bounded too; compare lists each provider once; JSON text values obey the control-character rule",
          arguments: TestEngine.available)
    func dottedAndCompare(engine: TestEngine) async throws {
        let values: [String: JSONValue] = ["j": .object(["b": .array((0..<10).map { .number(Double($0)) })])]
        let nested = String(repeating: "{{#j.b}}", count: 7) + "y" + String(repeating: "{{/j.b}}", count: 7)
        #expect(RenderBudget.bound(of: [nested], values: values) > Double(RenderBudget.maxBytes))
        try await withAdminApp(engine) { client, admin in
            let body = #"{"name":"j/n","title":"T","prompt":{"goal":"{{js.a}}"},"variables":[{"name":"js","type":"json"}]}"#
            let id = try #require(try await client.send(.post, "/api/v1/prompts", json: body, token: admin).json["id"] as? String)
            let smuggled = try await client.send(.post, "/api/v1/prompts/\(id)/render",
                json: #"{"provider":"openai","variables":{"js":"{\"a\":\"x\\u0000y\"}"}}"#, token: admin)
            #expect(smuggled.status == .unprocessableContent && smuggled.errorField == "variables.js", "\(String(buffer: smuggled.body))")
            let twice = try await client.send(.post, "/api/v1/prompts/\(id)/render/compare",
                json: #"{"providers":["openai","openai"],"variables":{"js":{"a":"x"}}}"#, token: admin)
            #expect(twice.status == .badRequest && twice.errorField == "providers")
        }
    }
}
