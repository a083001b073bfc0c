import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
@testable import PromptLibServer
import PromptLibTestSupport

/// Runs `body` against the application the binary serves, on a fresh database of `engine`.
func withTestApp<R: Sendable>(
    _ engine: TestEngine,
    configure: @Sendable (inout AppConfiguration) -> Void = { _ in },
    _ body: @escaping @Sendable (any TestClientProtocol) async throws -> R
) async throws -> R {
    try await withTestDatabase(engine) { database in
        var configuration = AppConfiguration(storageDirectory: database.directory)
        configuration.database = database.postgresURL.map { .postgres($0) } ?? .sqlite(path: database.sqlitePath)
        configure(&configuration)
        let app = try await buildApplication(configuration: configuration, logger: testLogger)
        return try await app.test(.router, body)
    }
}

extension TestClientProtocol {
    /// Sends `json` with `Content-Type: application/json`.
    func send(_ method: HTTPRequest.Method, _ uri: String, json: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        var fields = headers
        if fields[.contentType] == nil { fields[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: fields, body: ByteBuffer(string: json))
    }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers)
    }

    /// Creates a prompt and returns its id.
    func createPrompt(_ name: String, goal: String = "Greet {{who}}") async throws -> String {
        let response = try await send(.post, "/api/v1/prompts", json: promptJSON(name, goal: goal))
        guard response.status == .created, let id = response.json["id"] as? String else {
            throw TestSetupError("create failed: \(response.status) \(String(buffer: response.body))")
        }
        return id
    }
}

/// A valid prompt document as JSON.
func promptJSON(_ name: String, goal: String, commit: String? = nil) -> String {
    let commitField = commit.map { #","commit_message":"\#($0)""# } ?? ""
    return #"{"name":"\#(name)","title":"Greeting","tags":["t"],"prompt":{"goal":"\#(goal)"}\#(commitField),"variables":[{"name":"who","type":"string","required":true}]}"#
}

extension TestResponse {
    /// The body as a JSON object (empty when it is not one).
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
    }

    /// `error.code` of an error envelope.
    var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
    /// `error.field` of an error envelope.
    var errorField: String? { (json["error"] as? [String: Any])?["field"] as? String }
}
