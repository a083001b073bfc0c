import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

@Suite("Ratings and runs")
struct FeedbackTests {
    @Test("one rating per user per version, updated in place, summarised overall and per version", arguments: TestEngine.available)
    func ratings(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await client.createPrompt("rated", token: admin)
            _ = try await client.putPrompt(id, json: promptJSON("rated", goal: "v2 {{who}}"), token: admin)
            _ = try await client.createUser("vera", role: "viewer", admin: admin)
            let vera = try await client.login("vera", "Another-good-passphrase-9")
            #expect(try await client.send(.put, "/api/v1/prompts/\(id)/ratings/mine", json: #"{"score":2,"version":1}"#, token: vera).status == .ok)
            _ = try await client.send(.put, "/api/v1/prompts/\(id)/ratings/mine", json: #"{"score":4,"version":1,"note":"better"}"#, token: vera)
            _ = try await client.send(.put, "/api/v1/prompts/\(id)/ratings/mine", json: #"{"score":5}"#, token: admin)
            #expect(try await client.send(.put, "/api/v1/prompts/\(id)/ratings/mine", json: #"{"score":6}"#, token: vera).status == .badRequest)
            #expect(try await client.send(.put, "/api/v1/prompts/\(id)/ratings/mine", json: #"{"score":3,"version":9}"#, token: vera).status == .notFound)
            let list = try await client.get("/api/v1/prompts/\(id)/ratings", token: vera)
            #expect((list.json["data"] as? [Any])?.count == 2)
            let summary = try #require(list.json["summary"] as? [String: Any])
            #expect(summary["count"] as? Int == 2 && summary["average"] as? Double == 4.5)
            #expect((summary["histogram"] as? [String: Int])?["4"] == 1)
            let byVersion = try #require(list.json["by_version"] as? [String: [String: Any]])
            #expect(byVersion["1"]?["average"] as? Double == 4 && byVersion["2"]?["count"] as? Int == 1)
        }
    }

    @Test("runs are recorded per version with aggregates", arguments: TestEngine.available)
    func runs(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await client.createPrompt("run-logged", token: admin)
            for (latency, success) in [(100, true), (300, true), (200, false), (900, true)] {
                let body = #"{"provider":"openai","model":"gpt-4o","success":\#(success),"latency_ms":\#(latency),"input_tokens":10,"output_tokens":5}"#
                #expect(try await client.send(.post, "/api/v1/prompts/\(id)/runs", json: body, token: admin).status == .created)
            }
            #expect(try await client.send(.post, "/api/v1/prompts/\(id)/runs", json: #"{"success":true,"latency_ms":-1}"#, token: admin).status == .badRequest)
            let runs = try await client.get("/api/v1/prompts/\(id)/runs?limit=3", token: admin)
            #expect((runs.json["data"] as? [[String: Any]])?.first?["latency_ms"] as? Int == 900)
            #expect((runs.json["page"] as? [String: Any])?["next_cursor"] is String)
            let summary = try #require(runs.json["summary"] as? [String: Any])
            #expect(summary["count"] as? Int == 4 && summary["success_rate"] as? Double == 0.75)
            #expect(summary["p50_latency_ms"] as? Int == 200 && summary["p95_latency_ms"] as? Int == 900)
            #expect(summary["input_tokens"] as? Int == 40 && summary["output_tokens"] as? Int == 20)
            #expect((runs.json["by_version"] as? [String: Any])?["1"] != nil)
        }
    }
}

@Suite("Sorting by rating")
struct RatingSortTests {
    @Test("sort=rating orders by average rating, best first; unrated last", arguments: TestEngine.available)
    func byAverage(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            var ids: [String: String] = [:]
            for name in ["low", "high", "unrated", "middle"] { ids[name] = try await client.createPrompt("rated/\(name)", token: admin) }
            for (name, score) in [("low", 1), ("high", 5), ("middle", 3)] {
                _ = try await client.send(.put, "/api/v1/prompts/\(ids[name]!)/ratings/mine", json: #"{"score":\#(score)}"#, token: admin)
            }
            let sorted = try await client.get("/api/v1/prompts?sort=rating", token: admin)
            let names = (sorted.json["data"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(names == ["rated/high", "rated/middle", "rated/low", "rated/unrated"])
        }
    }
}
