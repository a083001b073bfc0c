import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// What the web UI's editor and dashboard need from the API: a document checked without being
/// saved, and the library's counts.
@Suite("Editor check and dashboard counts")
struct EditorSupportTests {
    @Test("a check lists every broken rule by field and saves nothing")
    func problems() async throws {
        try await withAdminApp(.sqlite) { client, admin in
            let body = #"{"name":"Bad Name","title":"T","prompt":{"goal":"Uses {{missing}}"},"variables":[{"name":"x","type":"enum"}]}"#
            let response = try await client.send(.post, "/api/v1/prompts/validate", json: body, token: admin)
            #expect(response.status == .ok)
            #expect(response.json["valid"] as? Bool == false)
            let fields = Set(((response.json["problems"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String })
            #expect(fields.contains("name") && fields.contains { $0.hasPrefix("variables[0]") } && fields.contains("prompt.goal"), "\(fields)")
            #expect((response.json["yaml"] as? String)?.contains("name: Bad Name") == true, "even an invalid document is shown as YAML")
            let list = try await client.get("/api/v1/prompts", token: admin)
            #expect((list.json["data"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("YAML in, the same document out as JSON and as YAML")
    func roundTrip() async throws {
        try await withAdminApp(.sqlite) { client, admin in
            let yaml = "schema: promptlib/v1\nname: team/hello\ntitle: Hello\nstatus: active\nprompt:\n  goal: Greet {{who}}\nvariables:\n- name: who\n  type: string\n  required: true\n"
            let response = try await client.send(.post, "/api/v1/prompts/validate", json: yaml, token: admin, headers: [.contentType: "application/yaml"])
            #expect(response.status == .ok)
            #expect(response.json["valid"] as? Bool == true)
            let document = try #require(response.json["document"] as? [String: Any])
            #expect(document["name"] as? String == "team/hello")
            #expect((document["prompt"] as? [String: Any])?["goal"] as? String == "Greet {{who}}")
            #expect(response.json["yaml"] as? String == yaml)
            let warned = try await client.send(.post, "/api/v1/prompts/validate", json: #"{"name":"a/b","title":"T","prompt":{"goal":"Hi"},"variables":[{"name":"unused","type":"string"}]}"#, token: admin)
            #expect(((warned.json["warnings"] as? [[String: Any]]) ?? []).first?["field"] as? String == "variables[0]")
        }
    }

    @Test("what is not a prompt document at all is a 400 naming the field")
    func notADocument() async throws {
        try await withAdminApp(.sqlite) { client, admin in
            let typo = try await client.send(.post, "/api/v1/prompts/validate", json: #"{"name":"a","title":"T","prompt":{"goal":"x"},"titel":"y"}"#, token: admin)
            #expect(typo.status == .badRequest && (typo.json["error"] as? [String: Any])?["field"] as? String == "titel")
            let yaml = try await client.send(.post, "/api/v1/prompts/validate", json: "name: [unclosed", token: admin, headers: [.contentType: "application/yaml"])
            #expect(yaml.status == .badRequest)
            let anonymous = try await client.send(.post, "/api/v1/prompts/validate", json: "{}")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("the dashboard counts live prompts, this week's versions, ratings, active accounts and the best rated", arguments: TestEngine.available)
    func stats(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let first = try await client.createPrompt("stats/one", token: admin)
            let second = try await client.createPrompt("stats/two", token: admin)
            let archived = try await client.createPrompt("stats/gone", token: admin)
            _ = try await client.putPrompt(first, json: promptJSON("stats/one", goal: "Hi {{who}}"), token: admin)
            #expect(try await client.call(.delete, "/api/v1/prompts/\(archived)", token: admin).status == .ok)
            for (id, score) in [(first, 5), (second, 3), (archived, 5)] {
                let rated = try await client.send(.put, "/api/v1/prompts/\(id)/ratings/mine", json: #"{"version":1,"score":\#(score)}"#, token: admin)
                #expect(rated.status == .ok || rated.status == .created || rated.status == .gone || rated.status == .notFound)
            }
            let stats = try await client.get("/api/v1/stats", token: admin)
            #expect(stats.status == .ok)
            #expect(stats.json["prompts"] as? Int == 2, "the archived one is not counted")
            #expect(stats.json["versions_this_week"] as? Int == 4)
            #expect(stats.json["active_users"] as? Int == 1)
            let top = try #require(stats.json["top_rated"] as? [[String: Any]])
            #expect(top.map { $0["name"] as? String } == ["stats/one", "stats/two"], "best first; archived prompts are left out")
            #expect(top.first?["average"] as? Double == 5 && top.first?["count"] as? Int == 1)
        }
    }
}
