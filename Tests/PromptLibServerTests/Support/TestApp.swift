import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PromptLibRedis
@testable import PromptLibServer
import PromptLibTestSupport

/// The password of the `admin` account every test app starts with.
let testAdminPassword = "correct-Horse-battery-7"

/// Runs `body` against the application the binary serves, on a fresh database of `engine`.
func withTestApp<R: Sendable>(
    _ engine: TestEngine,
    configure: @Sendable (inout AppConfiguration) -> Void = { _ in },
    _ body: @escaping @Sendable (any TestClientProtocol) async throws -> R
) async throws -> R {
    try await withTestDatabase(engine) { database in
        var configuration = testConfiguration(database)
        configure(&configuration)
        let app = try await buildApplication(configuration: configuration, logger: testLogger)
        return try await app.test(.router, body)
    }
}

/// The configuration every test app starts from: `database`, bcrypt at its lowest cost (a
/// deployment setting, not behaviour under test), and a known admin password.
func testConfiguration(_ database: TestDatabase) -> AppConfiguration {
    var configuration = AppConfiguration(storageDirectory: database.directory)
    configuration.database = database.postgresURL.map { .postgres($0) } ?? .sqlite(path: database.sqlitePath)
    configuration.bcryptCost = 4
    configuration.adminPassword = testAdminPassword
    return configuration
}

/// ``testConfiguration(_:)`` sharing the Redis of `redis`, with commands given time enough: the
/// whole suite runs beside the tests that use it.
func testConfiguration(_ database: TestDatabase, redis: RedisTestServer) throws -> AppConfiguration {
    var configuration = testConfiguration(database)
    configuration.redis = try RedisConfiguration(url: redis.url)
    configuration.redis?.commandTimeout = 5
    return configuration
}

/// A live server (a real port: WebSockets and the webhook sender need one) over parts the test
/// can reach into.
func withLiveApp<R: Sendable>(
    _ database: TestDatabase, redis: RedisTestServer? = nil, configure: @Sendable (inout AppConfiguration) -> Void = { _ in },
    _ body: @escaping @Sendable (any TestClientProtocol, ApplicationParts) async throws -> R
) async throws -> R {
    var configuration = try redis.map { try testConfiguration(database, redis: $0) } ?? testConfiguration(database)
    configure(&configuration)
    let parts = try await ApplicationParts.assemble(configuration: configuration, logger: testLogger)
    return try await buildApplication(parts: parts, logger: testLogger).test(.live) { client in try await body(client, parts) }
}

/// Like ``withTestApp(_:configure:_:)``, with the admin already signed in.
func withAdminApp<R: Sendable>(
    _ engine: TestEngine,
    configure: @Sendable (inout AppConfiguration) -> Void = { _ in },
    _ body: @escaping @Sendable (any TestClientProtocol, String) async throws -> R
) async throws -> R {
    try await withTestApp(engine, configure: configure) { client in
        try await body(client, try await client.login("admin", testAdminPassword))
    }
}

extension TestClientProtocol {
    /// Sends `json` with `Content-Type: application/json`, and the bearer `token` when given.
    func send(_ method: HTTPRequest.Method, _ uri: String, json: String, token: String? = nil, headers: HTTPFields = [:]) async throws -> TestResponse {
        var fields = headers
        if fields[.contentType] == nil { fields[.contentType] = "application/json" }
        if let token { fields[.authorization] = "Bearer \(token)" }
        return try await execute(uri: uri, method: method, headers: fields, body: ByteBuffer(string: json))
    }

    func get(_ uri: String, token: String? = nil, headers: HTTPFields = [:]) async throws -> TestResponse {
        var fields = headers
        if let token { fields[.authorization] = "Bearer \(token)" }
        return try await execute(uri: uri, method: .get, headers: fields)
    }

    func call(_ method: HTTPRequest.Method, _ uri: String, token: String?) async throws -> TestResponse {
        try await execute(uri: uri, method: method, headers: token.map { [.authorization: "Bearer \($0)"] } ?? [:])
    }

    /// Signs in and returns the access token.
    func login(_ login: String, _ password: String) async throws -> String {
        try await loginResponse(login, password).accessToken
    }

    /// Signs in and returns both tokens.
    func loginResponse(_ login: String, _ password: String) async throws -> (accessToken: String, refreshToken: String) {
        let response = try await send(.post, "/api/v1/auth/login", json: #"{"login":"\#(login)","password":"\#(password)"}"#)
        guard let access = response.json["access_token"] as? String, let refresh = response.json["refresh_token"] as? String else {
            throw TestSetupError("login as \(login) failed: \(response.status) \(String(buffer: response.body))")
        }
        return (access, refresh)
    }

    /// Creates an account through the admin API and returns its id.
    func createUser(_ username: String, role: String, password: String = "Another-good-passphrase-9", admin: String) async throws -> String {
        let response = try await send(.post, "/api/v1/users", json: #"{"username":"\#(username)","email":"\#(username)@example.com","password":"\#(password)","role":"\#(role)"}"#, token: admin)
        guard response.status == .created, let id = response.json["id"] as? String else {
            throw TestSetupError("creating \(username) failed: \(response.status) \(String(buffer: response.body))")
        }
        return id
    }

    /// Writes a new version the way a careful client does: read the ETag, send it back in If-Match.
    func putPrompt(_ id: String, json: String, token: String) async throws -> TestResponse {
        let current = try await get("/api/v1/prompts/\(id)", token: token)
        var headers: HTTPFields = [:]
        if let etag = current.headers[.eTag] { headers[.ifMatch] = etag }
        return try await send(.put, "/api/v1/prompts/\(id)", json: json, token: token, headers: headers)
    }

    /// Creates a prompt and returns its id.
    func createPrompt(_ name: String, goal: String = "Greet {{who}}", token: String) async throws -> String {
        let response = try await send(.post, "/api/v1/prompts", json: promptJSON(name, goal: goal), token: token)
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
