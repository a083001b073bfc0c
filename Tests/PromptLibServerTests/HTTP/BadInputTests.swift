import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// Hostile and careless input: every case must get a 4xx in the error envelope, never a 500.
@Suite("Bad input")
struct BadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        let description: String
        let method: HTTPRequest.Method
        let uri: String
        let body: String?
        let contentType: String?
        let status: Int
        let code: String
        var field: String? = nil
    }

    static let id = "00000000-0000-4000-8000-000000000000"
    static let cases: [Case] = [
        Case(description: "truncated JSON", method: .post, uri: "/api/v1/prompts", body: #"{"name": "a", "tit"#, contentType: "application/json", status: 400, code: "VALIDATION_ERROR"),
        Case(description: "empty body", method: .post, uri: "/api/v1/prompts", body: "", contentType: "application/json", status: 400, code: "VALIDATION_ERROR"),
        Case(description: "a JSON array", method: .post, uri: "/api/v1/prompts", body: "[1,2]", contentType: "application/json", status: 400, code: "VALIDATION_ERROR"),
        Case(description: "JSON null", method: .post, uri: "/api/v1/prompts", body: "null", contentType: "application/json", status: 400, code: "VALIDATION_ERROR"),
        Case(description: "missing title", method: .post, uri: "/api/v1/prompts", body: #"{"name":"a","prompt":{"goal":"g"}}"#, contentType: "application/json", status: 400, code: "VALIDATION_ERROR", field: "title"),
        Case(description: "title of the wrong type", method: .post, uri: "/api/v1/prompts", body: #"{"name":"a","title":42,"prompt":{"goal":"g"}}"#, contentType: "application/json", status: 400, code: "VALIDATION_ERROR", field: "title"),
        Case(description: "step of the wrong type", method: .post, uri: "/api/v1/prompts", body: #"{"name":"a","title":"t","prompt":{"goal":"g","steps":["x",{}]}}"#, contentType: "application/json", status: 400, code: "VALIDATION_ERROR", field: "prompt.steps[1]"),
        Case(description: "unknown variable type", method: .post, uri: "/api/v1/prompts", body: #"{"name":"a","title":"t","prompt":{"goal":"g"},"variables":[{"name":"v","type":"date"}]}"#, contentType: "application/json", status: 400, code: "VALIDATION_ERROR", field: "variables[0].type"),
        Case(description: "invalid name", method: .post, uri: "/api/v1/prompts", body: #"{"name":"Ünïcode Name","title":"t","prompt":{"goal":"g"}}"#, contentType: "application/json", status: 400, code: "VALIDATION_ERROR", field: "name"),
        Case(description: "wrong content type", method: .post, uri: "/api/v1/prompts", body: "name=a", contentType: "application/x-www-form-urlencoded", status: 415, code: "UNSUPPORTED_MEDIA_TYPE"),
        Case(description: "no content type", method: .post, uri: "/api/v1/prompts", body: "{}", contentType: nil, status: 415, code: "UNSUPPORTED_MEDIA_TYPE"),
        Case(description: "a body over the limit", method: .post, uri: "/api/v1/prompts", body: String(repeating: "a", count: 2_000_000), contentType: "application/json", status: 413, code: "PAYLOAD_TOO_LARGE"),
        Case(description: "unknown route", method: .get, uri: "/api/v1/nothing-here", body: nil, contentType: nil, status: 404, code: "NOT_FOUND"),
        Case(description: "unicode id", method: .get, uri: "/api/v1/prompts/%C3%BC%F0%9F%98%80", body: nil, contentType: nil, status: 404, code: "NOT_FOUND"),
        Case(description: "id that is not a UUID", method: .put, uri: "/api/v1/prompts/1%27%20OR%201=1", body: #"{"name":"a","title":"t","prompt":{"goal":"g"}}"#, contentType: "application/json", status: 404, code: "NOT_FOUND"),
        Case(description: "unknown id", method: .get, uri: "/api/v1/prompts/\(id)", body: nil, contentType: nil, status: 404, code: "NOT_FOUND"),
        Case(description: "versions of an unknown id", method: .get, uri: "/api/v1/prompts/\(id)/versions", body: nil, contentType: nil, status: 404, code: "NOT_FOUND"),
        Case(description: "version zero", method: .get, uri: "/api/v1/prompts/\(id)/versions/0", body: nil, contentType: nil, status: 404, code: "NOT_FOUND"),
        Case(description: "version that is not a number", method: .get, uri: "/api/v1/prompts/\(id)/versions/abc", body: nil, contentType: nil, status: 404, code: "NOT_FOUND"),
        Case(description: "negative limit", method: .get, uri: "/api/v1/prompts?limit=-5", body: nil, contentType: nil, status: 400, code: "VALIDATION_ERROR", field: "limit"),
        Case(description: "zero limit", method: .get, uri: "/api/v1/prompts?limit=0", body: nil, contentType: nil, status: 400, code: "VALIDATION_ERROR", field: "limit"),
        Case(description: "huge limit", method: .get, uri: "/api/v1/prompts?limit=99999999999999999999", body: nil, contentType: nil, status: 400, code: "VALIDATION_ERROR", field: "limit"),
        Case(description: "forged cursor", method: .get, uri: "/api/v1/prompts?cursor=%%%%", body: nil, contentType: nil, status: 400, code: "VALIDATION_ERROR", field: "cursor"),
        Case(description: "non-boolean flag", method: .get, uri: "/api/v1/prompts?include_archived=maybe", body: nil, contentType: nil, status: 400, code: "VALIDATION_ERROR", field: "include_archived"),
    ]

    @Test("answers with a 4xx envelope", arguments: TestEngine.available, Self.cases)
    func rejects(engine: TestEngine, input: Case) async throws {
        try await withAdminApp(engine) { client, admin in
            var headers: HTTPFields = [.requestID: "bad-input-test", .authorization: "Bearer \(admin)"]
            if let contentType = input.contentType { headers[.contentType] = contentType }
            let response = try await client.execute(
                uri: input.uri, method: input.method, headers: headers, body: input.body.map { ByteBuffer(string: $0) }
            )
            #expect(Int(response.status.code) == input.status)
            #expect(response.errorCode == input.code)
            #expect(response.json["request_id"] as? String == "bad-input-test")
            #expect(response.headers[.requestID] == "bad-input-test")
            if let field = input.field { #expect(response.errorField == field) }
            let message = (response.json["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(!message.isEmpty)
        }
    }

    @Test("nothing is lost when bad input arrives", arguments: TestEngine.available)
    func storedDataSurvives(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await client.createPrompt("keep-me", goal: "original", token: admin)
            for body in [#"{"name":"keep-me""#, #"{"name":"keep-me","title":null,"prompt":{}}"#, #"{"name":"keep-me","title":"t","prompt":{}}"#] {
                let response = try await client.putPrompt(id, json: body, token: admin)
                #expect(response.status == .badRequest)
            }
            let after = try await client.get("/api/v1/prompts/\(id)", token: admin)
            #expect(after.json["version"] as? Int == 1)
            #expect((after.json["prompt"] as? [String: Any])?["goal"] as? String == "original")
        }
    }
}
