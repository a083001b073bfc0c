import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibCore
import PromptLibTestSupport
import Testing

/// Typos never pass silently: a member no field reads, or a value of the wrong type, is a 400
/// naming the field, on every body, JSON and YAML alike.
@Suite("Unknown fields and wrong types")
struct UnknownFieldTests {
    struct Case: Sendable, CustomStringConvertible {
        let path: String
        let body: String
        let field: String
        var description: String { "\(path) \(field)" }
    }

    static let cases: [Case] = [
        Case(path: "/api/v1/prompts", body: #"{"name":"t/one","title":"T","descripton":"x","prompt":{"goal":"g"}}"#, field: "descripton"),
        Case(path: "/api/v1/prompts", body: #"{"name":"t/two","title":"T","prompt":{"goal":"g","stpes":["a"]}}"#, field: "prompt.stpes"),
        Case(path: "/api/v1/prompts", body: #"{"name":"t/three","title":"T","prompt":{"goal":"{{a}}"},"variables":[{"name":"a","type":"string","kind":"x"}]}"#, field: "variables[0].kind"),
        Case(path: "/api/v1/exports", body: #"{"filter":{"tags":"x"}}"#, field: "filter.tags"),
        Case(path: "/api/v1/api-keys", body: #"{"name":"k","scopes":["prompts:read"],"expires_at":"tomorrow"}"#, field: "expires_at"),
        Case(path: "/api/v1/api-keys", body: #"{"name":"k","scopes":["prompts:read"],"expires":"2027-01-01T00:00:00Z"}"#, field: "expires"),
        // A missing required field is named as such, before any unknown one.
        Case(path: "/api/v1/api-keys", body: #"{"name":"k","scope":["prompts:read"]}"#, field: "scopes"),
        Case(path: "/api/v1/prompts", body: #"{"name":"t/dup","name":"t/dup2","title":"T","prompt":{"goal":"g"}}"#, field: "name"),
        Case(path: "/api/v1/prompts", body: #"{"name":"t/dup3","title":"T","prompt":{"goal":"g","steps":["a"],"goal":"h"}}"#, field: "prompt.goal"),
        Case(path: "/api/v1/auth/login", body: #"{"login":"admin","password":"x","remember":true}"#, field: "remember"),
    ]

    @Test("each is a 400 naming the field", arguments: cases)
    func refused(_ c: Case) async throws {
        try await withAdminApp(.sqlite) { client, admin in
            let response = try await client.send(.post, c.path, json: c.body, token: admin)
            #expect(response.status == .badRequest, "\(String(buffer: response.body))")
            #expect(response.errorField == c.field, "\(String(buffer: response.body))")
        }
    }

    @Test("a number JSON cannot hold in the field is named; a missing field names the typo beside it")
    func numbersAndTypos() async throws {
        try await withAdminApp(.sqlite) { client, admin in
            let id = try await client.createPrompt("t/numbers", token: admin)
            let big = try await client.send(.put, "/api/v1/prompts/\(id)/ratings/mine", json: #"{"score":3.5}"#, token: admin)
            #expect(big.status == .badRequest && big.errorField == "score", "\(String(buffer: big.body))")
            let huge = try await client.send(.post, "/api/v1/prompts",
                json: #"{"name":"t/huge","title":"T","prompt":{"goal":"g"},"model":{"max_tokens":99999999999999999999999}}"#, token: admin)
            #expect(huge.status == .badRequest && huge.errorField == "model.max_tokens", "\(String(buffer: huge.body))")
            let typo = try await client.send(.put, "/api/v1/prompts/\(id)/ratings/mine", json: #"{"scor":3}"#, token: admin)
            #expect(typo.status == .badRequest && typo.errorField == "score")
            #expect(((typo.json["error"] as? [String: Any])?["message"] as? String)?.contains("'scor'") == true)
        }
    }

    @Test("a misspelt key suggests the field it probably meant; a render's body is checked too")
    func suggestion() async throws {
        try await withAdminApp(.sqlite) { client, admin in
            let id = try await client.createPrompt("t/render", token: admin)
            let response = try await client.send(.post, "/api/v1/prompts/\(id)/render", json: #"{"provider":"openai","varaibles":{"who":"x"}}"#, token: admin)
            #expect(response.status == .badRequest && response.errorField == "varaibles")
            #expect(((response.json["error"] as? [String: Any])?["message"] as? String)?.contains("did you mean 'variables'") == true)
            let fine = try await client.send(.post, "/api/v1/prompts/\(id)/render", json: #"{"provider":"openai","variables":{"who":"x","extra":{"any":"thing"}}}"#, token: admin)
            #expect(fine.status == .ok, "free-form maps take any key")
        }
    }

    @Test("a YAML prompt with an unknown key is refused the same way")
    func yaml() async throws {
        try await withAdminApp(.sqlite) { client, admin in
            var headers = HTTPFields()
            headers[.contentType] = "application/yaml"
            headers[.authorization] = "Bearer \(admin)"
            let body = "name: t/yaml\ntitle: T\nprompt:\n  goal: g\n  contxt: typo\n"
            let response = try await client.execute(uri: "/api/v1/prompts", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(response.status == .badRequest)
            #expect(String(buffer: response.body).contains("prompt.contxt"))
            #expect(String(buffer: response.body).contains("did you mean 'context'"))
        }
    }

    @Test("repeated keys are found with their path, escaped spellings included; distinct keys pass")
    func duplicates() {
        #expect(DuplicateKeys.first(inJSON: Data(#"{"a":1,"b":{"c":[{"d":1},{"d":2,"d":3}]}}"#.utf8)) == "b.c[1].d")
        #expect(DuplicateKeys.first(inJSON: Data(#"{"n\u0061me":1,"name":2}"#.utf8)) == "name")
        #expect(DuplicateKeys.first(inJSON: Data(#"{"a":"{\"a\":1}","b":[1,"a",{"a":2}],"c":{"a":3}}"#.utf8)) == nil)
    }

    @Test("the finder reports nested typos and leaves free-form maps alone")
    func finder() throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"name":"a","title":"T","prompt":{"goal":"g","outptu":{}},"model":{"params":{"anything":1}}}"#.utf8))
        let found = UnknownKeys.find(PromptDocument.self, in: value)
        #expect(found.map(\.field) == ["prompt.outptu"])
        #expect(found.first?.suggestion == "output")
    }
}
