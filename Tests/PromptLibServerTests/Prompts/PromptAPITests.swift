import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import PromptLibCore
import Testing

@Suite("Prompts API")
struct PromptAPITests {
    @Test("create, update twice, and read every version back intact", arguments: TestEngine.available)
    func versionFlow(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let created = try await client.send(.post, "/api/v1/prompts", json: promptJSON("support/greeting", goal: "v1 {{who}}"), token: admin)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            #expect(created.headers[.location] == "/api/v1/prompts/\(id)")
            #expect(created.json["version"] as? Int == 1)
            #expect(created.json["name"] as? String == "support/greeting")
            #expect(created.json["owner"] as? String == "admin", "the creator owns the prompt")

            for n in 2...3 {
                let updated = try await client.putPrompt(id, json: promptJSON("support/greeting", goal: "v\(n) {{who}}", commit: "step \(n)"), token: admin)
                #expect(updated.status == .ok)
                #expect(updated.json["version"] as? Int == n)
            }
            let latest = try await client.get("/api/v1/prompts/\(id)", token: admin)
            #expect((latest.json["prompt"] as? [String: Any])?["goal"] as? String == "v3 {{who}}")

            let history = try await client.get("/api/v1/prompts/\(id)/versions", token: admin)
            let rows = try #require(history.json["data"] as? [[String: Any]])
            #expect(rows.compactMap { $0["version"] as? Int } == [3, 2, 1])
            #expect(rows.first?["commit_message"] as? String == "step 3")
            #expect(rows.allSatisfy { $0["author"] as? String == "admin" && $0["created_at"] is String })

            for n in 1...3 {
                let version = try await client.get("/api/v1/prompts/\(id)/versions/\(n)", token: admin)
                #expect(version.status == .ok)
                #expect((version.json["prompt"] as? [String: Any])?["goal"] as? String == "v\(n) {{who}}")
                #expect(version.json["prompt_id"] as? String == id)
            }
            #expect(try await client.get("/api/v1/prompts/\(id)/versions/4", token: admin).status == .notFound)
        }
    }

    @Test("lists page with cursors and the documented envelope", arguments: TestEngine.available)
    func listPaging(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            for name in ["c", "a", "e", "b", "d"] { _ = try await client.createPrompt(name, token: admin) }
            var names: [String] = []
            var cursor: String?
            repeat {
                let page = try await client.get("/api/v1/prompts?limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""), token: admin)
                #expect(page.status == .ok)
                let info = try #require(page.json["page"] as? [String: Any])
                #expect(info["limit"] as? Int == 2)
                #expect(info.keys.contains("next_cursor"))
                names += (page.json["data"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                cursor = info["next_cursor"] as? String
            } while cursor != nil
            #expect(names == ["a", "b", "c", "d", "e"])
        }
    }

    @Test("DELETE archives: gone from the list, still readable, restorable", arguments: TestEngine.available)
    func archiveAndRestore(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await client.createPrompt("to-archive", token: admin)
            let archived = try await client.call(.delete, "/api/v1/prompts/\(id)", token: admin)
            #expect(archived.status == .ok)
            #expect(archived.json["status"] as? String == "archived")
            let list = try await client.get("/api/v1/prompts", token: admin)
            #expect((list.json["data"] as? [Any])?.count == 0)
            let withArchived = try await client.get("/api/v1/prompts?include_archived=true", token: admin)
            #expect((withArchived.json["data"] as? [Any])?.count == 1)
            #expect(try await client.get("/api/v1/prompts/\(id)/versions/1", token: admin).status == .ok)
            let blocked = try await client.putPrompt(id, json: promptJSON("to-archive", goal: "x"), token: admin)
            #expect(blocked.status == .conflict)
            let restored = try await client.call(.post, "/api/v1/prompts/\(id)/restore", token: admin)
            #expect(restored.json["status"] as? String == "active")
            #expect(restored.json["archived_at"] is NSNull)
            #expect(try await client.putPrompt(id, json: promptJSON("to-archive", goal: "y"), token: admin).status == .ok)
        }
    }

    @Test("a taken name is 409 ALREADY_EXISTS, on create and on rename", arguments: TestEngine.available)
    func duplicateNames(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            _ = try await client.createPrompt("taken", token: admin)
            let other = try await client.createPrompt("other", token: admin)
            let duplicate = try await client.send(.post, "/api/v1/prompts", json: promptJSON("taken", goal: "g"), token: admin)
            #expect(duplicate.status == .conflict)
            #expect(duplicate.errorCode == "ALREADY_EXISTS")
            #expect(duplicate.errorField == "name")
            let rename = try await client.putPrompt(other, json: promptJSON("taken", goal: "g"), token: admin)
            #expect(rename.errorCode == "ALREADY_EXISTS")
            let history = try await client.get("/api/v1/prompts/\(other)/versions", token: admin)
            #expect((history.json["data"] as? [Any])?.count == 1, "the failed rename wrote no version")
        }
    }
}

@Suite("Preconditions")
struct PreconditionTests {
    @Test("a write needs If-Match or base_version; a stale one is 409 with the current version", arguments: TestEngine.available)
    func preconditions(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await client.createPrompt("guarded", token: admin)
            let read = try await client.get("/api/v1/prompts/\(id)", token: admin)
            #expect(read.headers[.eTag] == "\"v1\"")
            let bare = try await client.send(.put, "/api/v1/prompts/\(id)", json: promptJSON("guarded", goal: "x {{who}}"), token: admin)
            #expect(bare.status == .preconditionRequired)
            #expect(bare.errorCode == "PRECONDITION_REQUIRED")
            let first = try await client.send(.put, "/api/v1/prompts/\(id)", json: promptJSON("guarded", goal: "a {{who}}"), token: admin, headers: [.ifMatch: "\"v1\""])
            #expect(first.status == .ok)
            #expect(first.headers[.eTag] == "\"v2\"")
            let stale = try await client.send(.put, "/api/v1/prompts/\(id)", json: promptJSON("guarded", goal: "b {{who}}"), token: admin, headers: [.ifMatch: "\"v1\""])
            #expect(stale.status == .conflict)
            let details = (stale.json["error"] as? [String: Any])?["details"] as? [[String: Any]]
            #expect(details?.first?["field"] as? String == "current_version" && details?.first?["message"] as? String == "2")
            let body = #"{"name":"guarded","title":"T","base_version":2,"prompt":{"goal":"c"}}"#
            let viaBody = try await client.send(.put, "/api/v1/prompts/\(id)", json: body, token: admin)
            #expect(viaBody.json["version"] as? Int == 3)
            #expect(viaBody.json["base_version"] == nil, "base_version is not stored")
            let garbage = try await client.send(.put, "/api/v1/prompts/\(id)", json: body, token: admin, headers: [.ifMatch: "\"banana\""])
            #expect(garbage.status == .badRequest)
            #expect(try await client.get("/api/v1/prompts/\(id)/versions/2", token: admin).headers[.eTag] == "\"v2\"")
        }
    }
}

@Suite("YAML over HTTP")
struct YAMLAPITests {
    static let yaml = """
        schema: promptlib/v1
        name: docs/welcome
        title: Welcome
        tags: [onboarding]
        prompt:
          goal: Welcome {{who}} to the team
          steps: [Greet, Explain the first week]
        variables:
          - { name: who, type: string, required: true }
        model: { provider: anthropic, name: claude-sonnet, temperature: 0.2 }
        """

    @Test("a hand-written YAML file can be posted and comes back as the same document", arguments: TestEngine.available)
    func roundTrip(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let created = try await client.send(.post, "/api/v1/prompts", json: Self.yaml, token: admin, headers: [.contentType: "application/yaml"])
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            let asYAML = try await client.get("/api/v1/prompts/\(id)?format=yaml", token: admin)
            #expect(asYAML.headers[.contentType]?.hasPrefix("application/yaml") == true)
            let served = try PromptYAML.decode(String(buffer: asYAML.body))
            var expected = try PromptValidator.validate(try PromptYAML.decode(Self.yaml))
            expected.owner = "admin"
            expected.version = 1
            expected.labels = ["latest"]
            #expect(served == expected)
            let viaAccept = try await client.get("/api/v1/prompts/by-name/docs%2Fwelcome", token: admin, headers: [.accept: "application/yaml"])
            #expect(String(buffer: viaAccept.body) == String(buffer: asYAML.body))

            let edited = Self.yaml.replacingOccurrences(of: "Greet,", with: "Greet warmly,")
            let updated = try await client.send(.put, "/api/v1/prompts/\(id)", json: edited, token: admin,
                                                headers: [.contentType: "application/yaml", .ifMatch: "\"v1\""])
            #expect(updated.json["version"] as? Int == 2)
            let bad = try await client.send(.post, "/api/v1/prompts", json: "name: [oops", token: admin, headers: [.contentType: "application/yaml"])
            #expect(bad.status == .badRequest)
            #expect(try await client.get("/api/v1/prompts/\(id)?format=xml", token: admin).status == .badRequest)
        }
    }
}

@Suite("Diff endpoint")
struct DiffAPITests {
    @Test("compares two stored versions", arguments: TestEngine.available)
    func diff(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await client.createPrompt("diffed", goal: "Hello {{who}}", token: admin)
            _ = try await client.putPrompt(id, json: promptJSON("diffed", goal: "Goodbye {{who}}"), token: admin)
            let diff = try await client.get("/api/v1/prompts/\(id)/diff?from=1&to=2", token: admin)
            #expect(diff.status == .ok)
            let changes = (diff.json["changes"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(changes == ["prompt.goal"])
            #expect((diff.json["unified"] as? String)?.contains("-  goal: Hello {{who}}\n+  goal: Goodbye {{who}}") == true)
            #expect(try await client.get("/api/v1/prompts/\(id)/diff?from=1&to=9", token: admin).status == .notFound)
            #expect(try await client.get("/api/v1/prompts/\(id)/diff?from=1", token: admin).status == .badRequest)
        }
    }
}
