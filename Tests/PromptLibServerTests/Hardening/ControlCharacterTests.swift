import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// NUL and other control characters in any text input: a 400 naming the field, the same on both
/// engines (PostgreSQL cannot store NUL and answered 500; SQLite stored it).
@Suite("Control characters")
struct ControlCharacterTests {
    struct Case: Sendable, CustomStringConvertible {
        let description: String
        let method: HTTPRequest.Method
        let uri: String
        let body: String?
        let field: String
        var anonymous = false
    }

    static let cases: [Case] = [
        Case(description: "login", method: .post, uri: "/api/v1/auth/login", body: #"{"login":"a\u0000","password":"x"}"#, field: "login", anonymous: true),
        Case(description: "title", method: .post, uri: "/api/v1/prompts", body: #"{"name":"n","title":"t\u0000","prompt":{"goal":"g"}}"#, field: "title"),
        Case(description: "tag", method: .post, uri: "/api/v1/prompts", body: #"{"name":"n","title":"t","tags":["a\u0000"],"prompt":{"goal":"g"}}"#, field: "tags[0]"),
        Case(description: "goal", method: .post, uri: "/api/v1/prompts", body: #"{"name":"n","title":"t","prompt":{"goal":"g\u0000"}}"#, field: "prompt.goal"),
        Case(description: "bell in a step", method: .post, uri: "/api/v1/prompts", body: #"{"name":"n","title":"t","prompt":{"goal":"g","steps":["\u0007"]}}"#, field: "prompt.steps[0]"),
        Case(description: "commit message", method: .post, uri: "/api/v1/prompts", body: #"{"name":"n","title":"t","commit_message":"\u0000","prompt":{"goal":"g"}}"#, field: "commit_message"),
        Case(description: "name", method: .post, uri: "/api/v1/prompts", body: #"{"name":"n\u0000","title":"t","prompt":{"goal":"g"}}"#, field: "name"),
        Case(description: "email", method: .post, uri: "/api/v1/users", body: #"{"username":"nul","email":"a\u0000@b.c","password":"Good-long-passphrase-1","role":"user"}"#, field: "email"),
        Case(description: "search filter", method: .get, uri: "/api/v1/prompts?q=a%00b", body: nil, field: "q"),
        Case(description: "tag filter", method: .get, uri: "/api/v1/prompts?tag=%00", body: nil, field: "tag"),
        Case(description: "cursor", method: .get, uri: "/api/v1/prompts?cursor=ab%00cd", body: nil, field: "cursor"),
        Case(description: "by-name path", method: .get, uri: "/api/v1/prompts/by-name/a%00b", body: nil, field: "path"),
        Case(description: "anonymous share path", method: .get, uri: "/api/v1/shared/pls_%00", body: nil, field: "path", anonymous: true),
    ]

    @Test("answers 400 naming the field", arguments: TestEngine.available, Self.cases)
    func refused(engine: TestEngine, input: Case) async throws {
        try await withAdminApp(engine) { client, admin in
            var headers: HTTPFields = input.anonymous ? [:] : [.authorization: "Bearer \(admin)"]
            if input.body != nil { headers[.contentType] = "application/json" }
            let response = try await client.execute(uri: input.uri, method: input.method, headers: headers, body: input.body.map { ByteBuffer(string: $0) })
            #expect(response.status == .badRequest, "\(String(buffer: response.body))")
            #expect(response.errorCode == "VALIDATION_ERROR" && response.errorField == input.field, "\(String(buffer: response.body))")
        }
    }

    @Test("tabs and line breaks are text, and survive a round trip", arguments: TestEngine.available)
    func whitespaceIsText(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let response = try await client.send(.post, "/api/v1/prompts", json: #"{"name":"ws","title":"t","prompt":{"goal":"a\tb\r\nc"}}"#, token: admin)
            #expect(response.status == .created)
            #expect((response.json["prompt"] as? [String: Any])?["goal"] as? String == "a\tb\r\nc")
        }
    }

    @Test("a NUL inside the JSON of an export's variables parameter is refused like a render's", arguments: TestEngine.available)
    func exportVariables(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await client.createPrompt("nul/export", token: admin)
            let response = try await client.get("/api/v1/prompts/\(id)/export?format=openai&variables=%7B%22who%22%3A%22%5Cu0000%22%7D", token: admin)
            #expect(response.status == .badRequest && response.errorField == "variables.who", "\(String(buffer: response.body))")
        }
    }
}
