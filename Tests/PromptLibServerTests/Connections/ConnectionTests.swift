import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibStorage
import PromptLibTestSupport
import SQLKit
import Testing

@Suite("Provider connections")
struct ConnectionTests {
    static let apiKey = "sk-live-Secret-Value-9876abcd"

    @Test("credentials go in, only masked hints come out; others cannot see a connection", arguments: TestEngine.available)
    func masked(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            _ = try await client.createUser("nina", role: "user", admin: admin)
            _ = try await client.createUser("otto", role: "user", admin: admin)
            let nina = try await client.login("nina", "Another-good-passphrase-9")
            let otto = try await client.login("otto", "Another-good-passphrase-9")
            let created = try await client.send(.post, "/api/v1/connections", json: #"{"name":"prod","provider":"openai","default_model":"gpt-4o","credentials":{"api_key":"\#(Self.apiKey)"}}"#, token: nina)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            #expect((created.json["credentials_hint"] as? [String: String])?["api_key"] == "sk-…abcd")
            for response in [created, try await client.get("/api/v1/connections/\(id)", token: nina), try await client.get("/api/v1/connections", token: admin)] {
                #expect(!String(buffer: response.body).contains(Self.apiKey))
                #expect(!String(buffer: response.body).contains("\"credentials\""))
            }
            #expect(try await client.get("/api/v1/connections/\(id)", token: otto).status == .notFound)
            #expect((try await client.get("/api/v1/connections", token: otto).json["data"] as? [Any])?.count == 0)
            #expect((try await client.get("/api/v1/connections", token: admin).json["data"] as? [Any])?.count == 1, "admins see all")

            let renamed = try await client.send(.patch, "/api/v1/connections/\(id)", json: #"{"name":"production"}"#, token: nina)
            #expect(renamed.json["name"] as? String == "production")
            #expect((renamed.json["credentials_hint"] as? [String: String])?["api_key"] == "sk-…abcd", "credentials unchanged")
            let replaced = try await client.send(.patch, "/api/v1/connections/\(id)", json: #"{"credentials":{"api_key":"sk-other-key-00001111"}}"#, token: nina)
            #expect((replaced.json["credentials_hint"] as? [String: String])?["api_key"] == "sk-…1111")
            #expect(try await client.call(.delete, "/api/v1/connections/\(id)", token: otto).status == .notFound)
            #expect(try await client.call(.delete, "/api/v1/connections/\(id)", token: nina).status == .noContent)
        }
    }

    @Test("each provider's required fields are checked", arguments: TestEngine.available, [
        (#"{"name":"b","provider":"bedrock","credentials":{"access_key_id":"AKIAEXAMPLE123","secret_access_key":"abc"}}"#, "credentials.region"),
        (#"{"name":"o","provider":"openai_compatible"}"#, "base_url"),
        (#"{"name":"o","provider":"openai_compatible","base_url":"ftp://x"}"#, "base_url"),
        (#"{"name":"a","provider":"anthropic","credentials":{"api_key":"k","token":"t"}}"#, "credentials.token"),
        (#"{"name":"a","provider":"anthropic"}"#, "credentials"),
        (#"{"name":"a","provider":"cohere","credentials":{"api_key":"k"}}"#, "provider"),
        (#"{"provider":"openai","credentials":{"api_key":"k"}}"#, "name"),
    ])
    func validation(engine: TestEngine, input: (body: String, field: String)) async throws {
        let (body, field) = input
        try await withAdminApp(engine) { client, admin in
            let response = try await client.send(.post, "/api/v1/connections", json: body, token: admin)
            #expect(response.status == .badRequest)
            #expect(response.errorField == field)
        }
    }

    @Test("a local OpenAI-compatible server needs no key", arguments: TestEngine.available)
    func ollama(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let response = try await client.send(.post, "/api/v1/connections", json: #"{"name":"local","provider":"openai_compatible","base_url":"http://127.0.0.1:11434/v1","default_model":"llama3"}"#, token: admin)
            #expect(response.status == .created)
            #expect(response.json["base_url"] as? String == "http://127.0.0.1:11434/v1")
        }
    }

    @Test("the table holds only ciphertext, and keys rotate without losing a credential", arguments: TestEngine.available)
    func rotation(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database in
            let oldKey = Data((0..<32).map { UInt8($0) }), newKey = Data((0..<32).map { UInt8(255 - $0) })
            var configuration = testConfiguration(database)
            configuration.encryptionKey = oldKey
            let app = try await buildApplication(configuration: configuration, logger: testLogger)
            try await app.test(.router) { client in
                let admin = try await client.login("admin", testAdminPassword)
                for index in 0..<3 {
                    _ = try await client.send(.post, "/api/v1/connections", json: #"{"name":"c\#(index)","provider":"bedrock","credentials":{"access_key_id":"AKIA-ID-\#(index)-000000","secret_access_key":"\#(Self.apiKey)-\#(index)","region":"eu-west-1"}}"#, token: admin)
                }
            }
            let raw = try await database.withStore { store in
                try await store.withDatabase { db in
                    try await db.raw("SELECT credentials, credentials_hint FROM connections").all().map {
                        try $0.decode(column: "credentials", as: String.self) + " " + $0.decode(column: "credentials_hint", as: String.self)
                    }
                }
            }
            #expect(raw.count == 3)
            #expect(raw.allSatisfy { $0.hasPrefix("v1:") && !$0.contains(Self.apiKey) && !$0.contains("AKIA-ID") })

            configuration.encryptionKey = newKey
            configuration.previousEncryptionKeys = [oldKey]
            let rotating = try await CommandLineServices.open(configuration, logger: testLogger)
            let rotated = try await rotating.rotateKeys()
            let again = try await rotating.rotateKeys()
            await rotating.close()
            #expect(rotated == 3 && again == 0)

            configuration.previousEncryptionKeys = []
            let fresh = try await CommandLineServices.open(configuration, logger: testLogger)
            let records = try await fresh.services.connections.connections.list(userID: nil)
            let secrets = try records.map { try fresh.services.connections.credentials(of: $0)["secret_access_key"] ?? "" }
            await fresh.close()
            #expect(secrets.sorted() == (0..<3).map { "\(Self.apiKey)-\($0)" })

            configuration.encryptionKey = oldKey
            let stale = try await CommandLineServices.open(configuration, logger: testLogger)
            #expect(throws: (any Error).self) { try stale.services.connections.credentials(of: records[0]) }
            await stale.close()
        }
    }
}
