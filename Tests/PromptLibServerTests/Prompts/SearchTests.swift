import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

@Suite("Search and browse")
struct SearchTests {
    static func create(_ client: some TestClientProtocol, _ name: String, title: String, goal: String, steps: [String] = [],
                       tags: [String] = [], token: String) async throws -> String {
        let body: [String: Any] = ["name": name, "title": title, "tags": tags, "prompt": ["goal": goal, "steps": steps]]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
        let response = try await client.send(.post, "/api/v1/prompts", json: json, token: token)
        guard let id = response.json["id"] as? String else { throw TestSetupError("create failed: \(String(buffer: response.body))") }
        return id
    }

    static func names(_ response: TestResponse) -> [String] {
        (response.json["data"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    }

    @Test("full-text search over title, goal, steps and tags, ranked, with filters", arguments: TestEngine.available)
    func search(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            _ = try await Self.create(client, "marketing/kettle", title: "Kettle copy", goal: "Describe the kettle; a kettle sells itself", tags: ["Copy"], token: admin)
            _ = try await Self.create(client, "marketing/garden", title: "Garden copy", goal: "Describe the hose", steps: ["Mention the kettle once"], tags: ["copy"], token: admin)
            _ = try await Self.create(client, "support/refund", title: "Refunds", goal: "Answer refund questions politely", tags: ["support"], token: admin)
            let archived = try await Self.create(client, "support/old-kettle", title: "Old kettle", goal: "kettle", token: admin)
            _ = try await client.call(.delete, "/api/v1/prompts/\(archived)", token: admin)

            #expect(Self.names(try await client.get("/api/v1/prompts?q=kettle", token: admin)) == ["marketing/kettle", "marketing/garden"])
            #expect(Self.names(try await client.get("/api/v1/prompts?q=politely", token: admin)) == ["support/refund"])
            #expect(Self.names(try await client.get("/api/v1/prompts?q=kettle&include_archived=true", token: admin)).count == 3)
            #expect(Self.names(try await client.get("/api/v1/prompts?q=kettle&status=archived", token: admin)) == ["support/old-kettle"])
            #expect(Self.names(try await client.get("/api/v1/prompts?q=kettle&tag=copy", token: admin)) == ["marketing/kettle", "marketing/garden"])
            #expect(Self.names(try await client.get("/api/v1/prompts?q=!!!", token: admin)).isEmpty)
            #expect(Self.names(try await client.get("/api/v1/prompts?tag=copy", token: admin)) == ["marketing/garden", "marketing/kettle"])
            #expect(Self.names(try await client.get("/api/v1/prompts?folder=support", token: admin)) == ["support/refund"])
            #expect(Self.names(try await client.get("/api/v1/prompts?status=archived", token: admin)) == ["support/old-kettle"])
            #expect(Self.names(try await client.get("/api/v1/prompts?owner=nobody", token: admin)).isEmpty)
            #expect(Self.names(try await client.get("/api/v1/prompts?sort=title&order=desc", token: admin)) == ["support/refund", "marketing/kettle", "marketing/garden"])
            #expect(try await client.get("/api/v1/prompts?q=%22kettle%20OR%20*%20NEAR(", token: admin).status == .ok, "search syntax cannot break the query")
            #expect(try await client.get("/api/v1/prompts?sort=relevance", token: admin).status == .badRequest)
            #expect(try await client.get("/api/v1/prompts?sort=size", token: admin).status == .badRequest)
            _ = try await client.call(.post, "/api/v1/prompts/\(archived)/restore", token: admin)
            #expect(Self.names(try await client.get("/api/v1/prompts?q=kettle", token: admin)).sorted() == ["marketing/garden", "marketing/kettle", "support/old-kettle"],
                    "a restored prompt is found again")
        }
    }

    @Test("cursors stay correct while prompts are added between pages", arguments: TestEngine.available, ["updated_at", "rating", "relevance"])
    func stableCursors(engine: TestEngine, sort: String) async throws {
        try await withAdminApp(engine) { client, admin in
            for index in 0..<7 {
                _ = try await Self.create(client, "paged/p\(index)", title: "Page \(index)", goal: String(repeating: "lemon ", count: index + 1), token: admin)
            }
            let base = "/api/v1/prompts?limit=3&sort=\(sort)" + (sort == "relevance" ? "&q=lemon" : "")
            var seen: [String] = []
            var cursor: String?
            var round = 0
            repeat {
                let page = try await client.get(base + (cursor.map { "&cursor=\($0)" } ?? ""), token: admin)
                #expect(page.status == .ok)
                seen += Self.names(page)
                cursor = (page.json["page"] as? [String: Any])?["next_cursor"] as? String
                // New rows arrive while the client pages; they may or may not show, but nothing repeats or goes missing.
                _ = try await Self.create(client, "paged/new\(round)", title: "New \(round)", goal: "lemon", token: admin)
                round += 1
            } while cursor != nil && round < 10
            #expect(Set(seen).count == seen.count, "no prompt appears twice: \(seen)")
            #expect(Set((0..<7).map { "paged/p\($0)" }).isSubset(of: Set(seen)), "no original prompt is skipped: \(seen)")
        }
    }

    @Test("tags with counts and the folder tree", arguments: TestEngine.available)
    func browse(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            _ = try await Self.create(client, "a/b/one", title: "1", goal: "g", tags: ["x", "y"], token: admin)
            _ = try await Self.create(client, "a/two", title: "2", goal: "g", tags: ["x"], token: admin)
            _ = try await Self.create(client, "top", title: "3", goal: "g", token: admin)
            let tags = try await client.get("/api/v1/tags", token: admin)
            let counts = (tags.json["data"] as? [[String: Any]] ?? []).map { "\($0["tag"] ?? "")=\($0["count"] ?? "")" }
            #expect(counts == ["x=2", "y=1"])
            let folders = try await client.get("/api/v1/folders", token: admin)
            let root = try #require((folders.json["data"] as? [[String: Any]])?.first)
            #expect(root["path"] as? String == "a" && root["count"] as? Int == 2)
            #expect(((root["children"] as? [[String: Any]])?.first)?["path"] as? String == "a/b")
        }
    }

    @Test("a tag with a slash or a quote filters like any other", arguments: TestEngine.available)
    func oddTags(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            _ = try await Self.create(client, "odd/slash", title: "1", goal: "g", tags: ["team/ml"], token: admin)
            _ = try await Self.create(client, "odd/quote", title: "2", goal: "g", tags: [#"say "hi""#], token: admin)
            _ = try await Self.create(client, "odd/plain", title: "3", goal: "g", tags: ["team"], token: admin)
            #expect(Self.names(try await client.get("/api/v1/prompts?tag=team%2Fml", token: admin)) == ["odd/slash"])
            #expect(Self.names(try await client.get("/api/v1/prompts?tag=say%20%22hi%22", token: admin)) == ["odd/quote"])
            #expect(Self.names(try await client.get("/api/v1/prompts?tag=team", token: admin)) == ["odd/plain"])
        }
    }
}
