import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// Includes fanning out: each distinct include is resolved once, and a render has a budget.
@Suite("Include budget")
struct IncludeBudgetTests {
    /// Five levels, each including the next eight times, over a leaf of `leaf`; returns the top's id.
    static func fan(_ client: some TestClientProtocol, leaf: String, token: String) async throws -> String {
        var below = "fan/leaf"
        _ = try await client.createPrompt(below, goal: leaf, token: token)
        var id = ""
        for level in (1...5).reversed() {
            let name = "fan/l\(level)"
            let body = #"{"name":"\#(name)","title":"Fan","prompt":{"goal":"\#(Array(repeating: "{{> \(below)}}", count: 8).joined(separator: " "))"}}"#
            let response = try await client.send(.post, "/api/v1/prompts", json: body, token: token)
            id = try #require(response.json["id"] as? String, "\(String(buffer: response.body))")
            below = name
        }
        return id
    }

    @Test("8^5 copies of a 300-byte leaf are a quick 422 naming the include, for a viewer", arguments: TestEngine.available)
    func overBudget(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let top = try await Self.fan(client, leaf: String(repeating: "word ", count: 60), token: admin)
            _ = try await client.createUser("vera", role: "viewer", admin: admin)
            let viewer = try await client.login("vera", "Another-good-passphrase-9")
            let started = ContinuousClock.now
            let response = try await client.send(.post, "/api/v1/prompts/\(top)/render", json: #"{"provider":"openai"}"#, token: viewer)
            #expect(response.status == .unprocessableContent && response.errorField == "resolve", "\(response.status)")
            let message = (response.json["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(message.contains("{{> fan/") && message.contains("bytes"), "\(message)")
            #expect(ContinuousClock.now - started < .seconds(5))
        }
    }

    @Test("a small leaf fans out to 32,768 copies within the budget, each distinct include looked up once", arguments: TestEngine.available)
    func withinBudget(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let top = try await Self.fan(client, leaf: "a", token: admin)
            // The leaf declares `who` (required): its includers take it too.
            let response = try await client.send(.post, "/api/v1/prompts/\(top)/render", json: #"{"provider":"openai","variables":{"who":"b"}}"#, token: admin)
            #expect(response.status == .ok)
            let messages = (response.json["payload"] as? [String: Any])?["messages"] as? [[String: Any]] ?? []
            let text = messages.compactMap { $0["content"] as? String }.joined()
            #expect(text.filter { $0 == "a" }.count >= 32_768)
            #expect((response.json["resolved"] as? [Any])?.count == 5)
        }
    }
}
