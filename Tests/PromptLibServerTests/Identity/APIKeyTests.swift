import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibStorage
import PromptLibTestSupport
import SQLKit
import Testing

@Suite("API keys")
struct APIKeyTests {
    static func createKey(_ client: some TestClientProtocol, scopes: String, token: String, expires: String? = nil) async throws -> (id: String, key: String) {
        let expiry = expires.map { #","expires_at":"\#($0)""# } ?? ""
        let response = try await client.send(.post, "/api/v1/api-keys", json: #"{"name":"app","scopes":[\#(scopes)]\#(expiry)}"#, token: token)
        guard response.status == .created, let id = response.json["id"] as? String, let key = response.json["key"] as? String else {
            throw TestSetupError("key creation failed: \(response.status) \(String(buffer: response.body))")
        }
        return (id, key)
    }

    @Test("a key acts as its owner within its scopes, is shown once, and stops when revoked", arguments: TestEngine.available)
    func scopes(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            _ = try await client.createUser("app-owner", role: "user", admin: admin)
            let owner = try await client.login("app-owner", "Another-good-passphrase-9")
            let (id, reader) = try await Self.createKey(client, scopes: #""prompts:read""#, token: owner)
            #expect(reader.hasPrefix("pl_") && reader.count > 40)
            let listed = try await client.get("/api/v1/api-keys", token: owner)
            let row = try #require((listed.json["data"] as? [[String: Any]])?.first)
            #expect(!(row["key"] is String) && (row["prefix"] as? String).map(reader.hasPrefix) == true)

            #expect(try await client.get("/api/v1/prompts", token: reader).status == .ok)
            let write = try await client.send(.post, "/api/v1/prompts", json: promptJSON("by-key", goal: "g"), token: reader)
            #expect(write.status == .forbidden)
            #expect(try await client.get("/api/v1/auth/me", token: reader).status == .forbidden, "keys are for prompts only")
            #expect(try await client.send(.post, "/api/v1/api-keys", json: #"{"name":"x","scopes":["prompts:read"]}"#, token: reader).status == .forbidden)

            let (_, writer) = try await Self.createKey(client, scopes: #""prompts:read","prompts:write""#, token: owner)
            let created = try await client.send(.post, "/api/v1/prompts", json: promptJSON("by-key", goal: "g"), token: writer)
            #expect(created.status == .created)
            #expect(created.json["owner"] as? String == "app-owner")

            #expect(try await client.call(.delete, "/api/v1/api-keys/\(id)", token: owner).status == .noContent)
            let revoked = try await client.get("/api/v1/prompts", token: reader)
            #expect(revoked.status == .unauthorized)
            #expect(revoked.errorCode == "TOKEN_INVALID")
        }
    }

    @Test("a key never exceeds its owner's role, and others cannot revoke it", arguments: TestEngine.available)
    func roleBound(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let userID = try await client.createUser("demoted", role: "user", admin: admin)
            let user = try await client.login("demoted", "Another-good-passphrase-9")
            let (id, key) = try await Self.createKey(client, scopes: #""prompts:write""#, token: user)
            _ = try await client.send(.patch, "/api/v1/users/\(userID)", json: #"{"role":"viewer"}"#, token: admin)
            #expect(try await client.send(.post, "/api/v1/prompts", json: promptJSON("nope", goal: "g"), token: key).status == .forbidden)
            _ = try await client.createUser("stranger", role: "user", admin: admin)
            let stranger = try await client.login("stranger", "Another-good-passphrase-9")
            #expect(try await client.call(.delete, "/api/v1/api-keys/\(id)", token: stranger).status == .notFound)
        }
    }

    @Test("an expired key is refused, and only hashes are stored", arguments: TestEngine.available)
    func expiryAndStorage(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database in
            let configuration = testConfiguration(database)
            let app = try await buildApplication(configuration: configuration, logger: testLogger)
            let key = try await app.test(.router) { client -> String in
                let admin = try await client.login("admin", testAdminPassword)
                // Whole seconds, as ISO 8601 here carries no fraction; four of them leave room on a busy machine.
                let expiry = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 4).rounded(.up))
                let soon = expiry.formatted(.iso8601)
                let (_, key) = try await Self.createKey(client, scopes: #""prompts:read""#, token: admin, expires: soon)
                #expect(try await client.get("/api/v1/prompts", token: key).status == .ok)
                try await Task.sleep(for: .milliseconds(Int(expiry.timeIntervalSinceNow * 1_000) + 300))
                #expect(try await client.get("/api/v1/prompts", token: key).status == .unauthorized)
                let past = try await client.send(.post, "/api/v1/api-keys", json: #"{"name":"old","scopes":["prompts:read"],"expires_at":"2001-01-01T00:00:00Z"}"#, token: admin)
                #expect(past.errorField == "expires_at")
                return key
            }
            let stored = try await database.withStore { store in
                try await store.withDatabase { db in
                    try await db.raw("SELECT key_hash, prefix FROM api_keys").all().map {
                        try $0.decode(column: "key_hash", as: String.self) + " " + $0.decode(column: "prefix", as: String.self)
                    }.joined()
                }
            }
            #expect(!stored.isEmpty && !stored.contains(key))
        }
    }
}

/// `runs:write`: an application that logs its calls records runs and ratings, and cannot edit prompts.
@Suite("The runs:write scope")
struct RunsScopeTests {
    @Test("runs:write records runs and ratings; it neither edits prompts nor moves labels", arguments: TestEngine.available)
    func runsWrite(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            _ = try await client.createUser("logger", role: "user", admin: admin)
            let owner = try await client.login("logger", "Another-good-passphrase-9")
            let id = try await client.createPrompt("logs/one", token: owner)
            let (_, key) = try await APIKeyTests.createKey(client, scopes: #""prompts:read","runs:write""#, token: owner)
            #expect(try await client.send(.post, "/api/v1/prompts/\(id)/runs", json: #"{"success":true,"latency_ms":12}"#, token: key).status == .created)
            #expect(try await client.send(.put, "/api/v1/prompts/\(id)/ratings/mine", json: #"{"score":5}"#, token: key).status == .ok)
            #expect(try await client.putPrompt(id, json: promptJSON("logs/one", goal: "Changed {{who}}"), token: key).status == .forbidden)
            #expect(try await client.send(.put, "/api/v1/prompts/\(id)/labels/production", json: #"{"version":1}"#, token: key).status == .forbidden)
            let (_, writer) = try await APIKeyTests.createKey(client, scopes: #""prompts:write""#, token: owner)
            #expect(try await client.send(.post, "/api/v1/prompts/\(id)/runs", json: #"{"success":true}"#, token: writer).status == .forbidden,
                    "prompts:write alone no longer logs runs")
        }
    }
}
