import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// Connection fields: no credentials inside URLs, and lengths counted as the OpenAPI document
/// counts them (Unicode scalars), so a Zalgo name or a 100 KB URL cannot pass.
@Suite("Connection input")
struct ConnectionInputTests {
    static let zalgo = "a" + String(repeating: "\u{0301}", count: 150)

    @Test("refused with a 400 naming the field, the secret never echoed", arguments: TestEngine.available, [
        (#"{"name":"c","provider":"openai_compatible","base_url":"https://user:hunter2@llm.local/v1"}"#, "base_url"),
        (#"{"name":"c","provider":"openai_compatible","base_url":"https://hunter2@llm.local/v1"}"#, "base_url"),
        (#"{"name":"c","provider":"openai_compatible","base_url":"https://:hunter2@llm.local"}"#, "base_url"),
        (#"{"name":"\#(zalgo)","provider":"openai","credentials":{"api_key":"k"}}"#, "name"),
        (#"{"name":"c","provider":"openai_compatible","base_url":"https://llm.local/\#(String(repeating: "x", count: 100_000))"}"#, "base_url"),
        (#"{"name":"c","provider":"openai","default_model":"\#(String(repeating: "m", count: 100_000))","credentials":{"api_key":"k"}}"#, "default_model"),
        (#"{"name":"c","provider":"openai","credentials":{"api_key":"\#(String(repeating: "k", count: 10_000))"}}"#, "credentials.api_key"),
        (#"{"name":"c","provider":"openai_compatible","base_url":"http://llm.local:99999/v1"}"#, "base_url"),
    ])
    func refused(engine: TestEngine, input: (body: String, field: String)) async throws {
        try await withAdminApp(engine) { client, admin in
            let response = try await client.send(.post, "/api/v1/connections", json: input.body, token: admin)
            #expect(response.status == .badRequest && response.errorField == input.field, "\(response.status) \(response.errorField ?? "")")
            #expect(!String(buffer: response.body).contains("hunter2"))
            let listed = try await client.get("/api/v1/connections", token: admin).json["data"] as? [Any]
            #expect(listed?.isEmpty == true)
        }
    }

    @Test("a plain URL with a port and path is fine")
    func plainURL() async throws {
        try await withAdminApp(.sqlite) { client, admin in
            let response = try await client.send(.post, "/api/v1/connections", json: #"{"name":"c","provider":"openai_compatible","base_url":"http://127.0.0.1:11434/v1?x=a@b"}"#, token: admin)
            #expect(response.status == .created, "\(String(buffer: response.body))")
        }
    }

    @Test("an unknown credential name of 100 KB is named back by a short prefix only")
    func boundedEcho() async throws {
        try await withAdminApp(.sqlite) { client, admin in
            let name = String(repeating: "n", count: 100_000)
            let response = try await client.send(.post, "/api/v1/connections", json: #"{"name":"c","provider":"openai","credentials":{"api_key":"k","\#(name)":"v"}}"#, token: admin)
            #expect(response.status == .badRequest && response.body.readableBytes < 2_000)
        }
    }
}
