import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

@Suite("Labels")
struct LabelTests {
    static func move(_ client: some TestClientProtocol, _ id: String, _ label: String, to version: Int, token: String) async throws -> TestResponse {
        try await client.send(.put, "/api/v1/prompts/\(id)/labels/\(label)", json: #"{"version":\#(version)}"#, token: token)
    }

    @Test("releases and rollbacks move production; every move is recorded; responses show labels", arguments: TestEngine.available)
    func releaseAndRollback(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await client.createPrompt("release/me", goal: "v1 {{who}}", token: admin)
            _ = try await client.putPrompt(id, json: promptJSON("release/me", goal: "v2 {{who}}"), token: admin)
            #expect(try await Self.move(client, id, "production", to: 2, token: admin).status == .ok)
            let latest = try await client.get("/api/v1/prompts/\(id)", token: admin)
            #expect(latest.json["labels"] as? [String] == ["latest", "production"])
            let rollback = try await Self.move(client, id, "production", to: 1, token: admin)
            #expect(rollback.json["from_version"] as? Int == 2 && rollback.json["version"] as? Int == 1)
            #expect(try await client.get("/api/v1/prompts/\(id)", token: admin).json["labels"] as? [String] == ["latest"])
            #expect(try await client.get("/api/v1/prompts/\(id)/versions/1", token: admin).json["labels"] as? [String] == ["production"])
            let history = try await client.get("/api/v1/prompts/\(id)/labels/history", token: admin)
            let moves = try #require(history.json["data"] as? [[String: Any]])
            #expect(moves.map { $0["version"] as? Int } == [1, 2])
            #expect(moves.last?["from_version"] is NSNull)
            #expect(moves.allSatisfy { $0["moved_by"] as? String == "admin" })
            let audit = try await client.get("/api/v1/audit-events?action=label.moved", token: admin)
            #expect((audit.json["data"] as? [Any])?.count == 2)
        }
    }

    @Test("latest cannot be moved; bad names and missing versions are refused", arguments: TestEngine.available)
    func refusals(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await client.createPrompt("labels/refuse", token: admin)
            #expect(try await Self.move(client, id, "latest", to: 1, token: admin).status == .badRequest)
            #expect(try await Self.move(client, id, "Bad%20Label", to: 1, token: admin).status == .badRequest)
            #expect(try await Self.move(client, id, "staging", to: 9, token: admin).status == .notFound)
        }
    }

    @Test("production needs the owner or an admin; collaborators move other labels; keys need labels:write", arguments: TestEngine.available)
    func permissions(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            _ = try await client.createUser("owen", role: "user", admin: admin)
            _ = try await client.createUser("cleo", role: "user", admin: admin)
            let owen = try await client.login("owen", "Another-good-passphrase-9")
            let cleo = try await client.login("cleo", "Another-good-passphrase-9")
            let id = try await client.createPrompt("labels/owned", token: owen)
            #expect(try await Self.move(client, id, "staging", to: 1, token: cleo).status == .forbidden)
            _ = try await client.call(.put, "/api/v1/prompts/\(id)/collaborators/cleo", token: owen)
            #expect(try await Self.move(client, id, "staging", to: 1, token: cleo).status == .ok)
            #expect(try await Self.move(client, id, "production", to: 1, token: cleo).status == .forbidden)

            let (_, writer) = try await APIKeyTests.createKey(client, scopes: #""prompts:read","prompts:write""#, token: owen)
            #expect(try await Self.move(client, id, "production", to: 1, token: writer).status == .forbidden)
            let (_, releaser) = try await APIKeyTests.createKey(client, scopes: #""labels:write""#, token: owen)
            #expect(try await Self.move(client, id, "production", to: 1, token: releaser).status == .ok)
            let (_, cleoKey) = try await APIKeyTests.createKey(client, scopes: #""labels:write""#, token: cleo)
            #expect(try await Self.move(client, id, "production", to: 1, token: cleoKey).status == .forbidden)
            #expect(try await Self.move(client, id, "production", to: 1, token: admin).status == .ok)
        }
    }
}

@Suite("Fetch by name")
struct FetchByNameTests {
    static func fetch(_ client: some TestClientProtocol, _ query: String, token: String) async throws -> TestResponse {
        try await client.get("/api/v1/prompts/by-name/apps%2Fgreeter\(query)", token: token)
    }

    static func goal(_ response: TestResponse) -> String? { (response.json["prompt"] as? [String: Any])?["goal"] as? String }

    @Test("serves production when set, else latest; or the version or label asked for", arguments: TestEngine.available)
    func resolution(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await client.createPrompt("apps/greeter", goal: "one {{who}}", token: admin)
            #expect(Self.goal(try await Self.fetch(client, "", token: admin)) == "one {{who}}")
            _ = try await client.putPrompt(id, json: promptJSON("apps/greeter", goal: "two {{who}}"), token: admin)
            #expect(Self.goal(try await Self.fetch(client, "", token: admin)) == "two {{who}}", "latest without production")
            _ = try await LabelTests.move(client, id, "production", to: 1, token: admin)
            _ = try await LabelTests.move(client, id, "staging", to: 2, token: admin)
            let production = try await Self.fetch(client, "", token: admin)
            #expect(Self.goal(production) == "one {{who}}")
            #expect(production.json["labels"] as? [String] == ["production"])
            #expect(production.headers[.eTag] == "\"v1\"")
            #expect(Self.goal(try await Self.fetch(client, "?label=staging", token: admin)) == "two {{who}}")
            #expect(Self.goal(try await Self.fetch(client, "?label=latest", token: admin)) == "two {{who}}")
            #expect(Self.goal(try await Self.fetch(client, "?version=1", token: admin)) == "one {{who}}")
            #expect(try await Self.fetch(client, "?label=canary", token: admin).status == .notFound)
            #expect(try await Self.fetch(client, "?version=7", token: admin).status == .notFound)
            #expect(try await Self.fetch(client, "?version=1&label=staging", token: admin).status == .badRequest)
            #expect(try await client.get("/api/v1/prompts/by-name/nothing%2Fhere", token: admin).status == .notFound)

            let (_, reader) = try await APIKeyTests.createKey(client, scopes: #""prompts:read""#, token: admin)
            #expect(Self.goal(try await Self.fetch(client, "", token: reader)) == "one {{who}}", "what an application does")
        }
    }
}

@Suite("Resolving includes")
struct IncludeAPITests {
    static func create(_ client: some TestClientProtocol, _ name: String, goal: String, token: String) async throws -> String {
        try await client.createPrompt(name, goal: goal, token: token)
    }

    @Test("?resolve=true replaces includes and lists what was resolved at which version", arguments: TestEngine.available)
    func resolve(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            _ = try await Self.create(client, "shared/tone", goal: "Be kind", token: admin)
            let sig = try await Self.create(client, "shared/sig", goal: "Regards v1", token: admin)
            _ = try await client.putPrompt(sig, json: promptJSON("shared/sig", goal: "Regards v2"), token: admin)
            _ = try await LabelTests.move(client, sig, "production", to: 1, token: admin)
            let main = try await Self.create(client, "main", goal: "Hi {{who}}. {{> shared/tone}} End: {{> shared/sig}} / {{> shared/sig@2}}", token: admin)
            let plain = try await client.get("/api/v1/prompts/\(main)", token: admin)
            #expect((plain.json["prompt"] as? [String: Any])?["goal"] as? String == "Hi {{who}}. {{> shared/tone}} End: {{> shared/sig}} / {{> shared/sig@2}}")
            #expect(plain.json["resolved"] == nil)
            let resolved = try await client.get("/api/v1/prompts/\(main)?resolve=true", token: admin)
            #expect((resolved.json["prompt"] as? [String: Any])?["goal"] as? String == "Hi {{who}}. Be kind End: Regards v1 / Regards v2")
            let list = (resolved.json["resolved"] as? [[String: Any]] ?? []).map { "\($0["name"]!)@\($0["requested"]!)=\($0["version"]!)" }
            #expect(list == ["shared/tone@default=1", "shared/sig@default=1", "shared/sig@2=2"])
            let byName = try await client.get("/api/v1/prompts/by-name/main?resolve=true", token: admin)
            #expect((byName.json["resolved"] as? [Any])?.count == 3)
        }
    }

    @Test("cycles, depth over five and missing prompts are a clear 400", arguments: TestEngine.available)
    func refusals(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let a = try await Self.create(client, "loop-a", goal: "A {{> loop-b}}", token: admin)
            _ = try await Self.create(client, "loop-b", goal: "B {{> loop-a}}", token: admin)
            let cycle = try await client.get("/api/v1/prompts/\(a)?resolve=true", token: admin)
            #expect(cycle.status == .badRequest)
            #expect((cycle.json["error"] as? [String: Any])?["message"] as? String == "includes form a cycle: loop-a → loop-b → loop-a")
            for level in 0..<7 {
                _ = try await Self.create(client, "deep-\(level)", goal: level == 6 ? "bottom" : "L\(level) {{> deep-\(level + 1)}}", token: admin)
            }
            let deep = try await client.get("/api/v1/prompts/by-name/deep-0?resolve=true", token: admin)
            #expect(deep.status == .badRequest)
            let shallow = try await client.get("/api/v1/prompts/by-name/deep-2?resolve=true", token: admin)
            #expect(shallow.status == .ok, "four levels below deep-2 are within the limit")
            let missing = try await Self.create(client, "lonely", goal: "{{> nobody-here}}", token: admin)
            #expect(try await client.get("/api/v1/prompts/\(missing)?resolve=true", token: admin).status == .badRequest)
        }
    }
}
