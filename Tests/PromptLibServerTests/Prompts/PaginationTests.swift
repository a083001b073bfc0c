import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// Every list takes `limit` and `cursor` and answers `{"data": [...], "page": {"next_cursor", "limit"}}`.
@Suite("Pagination on every list")
struct PaginationTests {
    @Test("API keys, connections, shares and ratings page by limit and cursor in the one envelope", arguments: TestEngine.available)
    func everyList(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await client.createPrompt("pages/one", token: admin)
            for n in 1...3 {
                _ = try await client.send(.post, "/api/v1/api-keys", json: #"{"name":"k\#(n)","scopes":["prompts:read"]}"#, token: admin)
                _ = try await client.send(.post, "/api/v1/connections",
                    json: #"{"name":"c\#(n)","provider":"openai","credentials":{"api_key":"sk-test-0123456789abcdef\#(n)"}}"#, token: admin)
                _ = try await client.send(.post, "/api/v1/prompts/\(id)/shares", json: #"{"expires_in_hours": 1}"#, token: admin)
                if n > 1 { _ = try await client.putPrompt(id, json: promptJSON("pages/one", goal: "Greet {{who}} \(n)"), token: admin) }
                _ = try await client.send(.put, "/api/v1/prompts/\(id)/ratings/mine", json: #"{"score":4,"version":\#(n)}"#, token: admin)
            }
            for list in ["/api/v1/api-keys", "/api/v1/connections", "/api/v1/prompts/\(id)/shares", "/api/v1/prompts/\(id)/ratings"] {
                let first = try await client.get("\(list)?limit=2", token: admin)
                #expect(first.status == .ok, "\(list)")
                let page = try #require(first.json["page"] as? [String: Any], "\(list) has no page")
                #expect((first.json["data"] as? [Any])?.count == 2, "\(list)")
                #expect(page["limit"] as? Int == 2, "\(list)")
                let cursor = try #require(page["next_cursor"] as? String, "\(list) has no next cursor")
                let second = try await client.get("\(list)?limit=2&cursor=\(cursor)", token: admin)
                #expect((second.json["data"] as? [Any])?.count == 1, "\(list)")
                #expect((second.json["page"] as? [String: Any])?["next_cursor"] is NSNull, "\(list)")
                #expect(try await client.get("\(list)?limit=0", token: admin).status == .badRequest, "\(list)")
                #expect(try await client.get("\(list)?cursor=bm9wZQ", token: admin).status == .badRequest, "\(list)")
            }
            _ = try await client.call(.put, "/api/v1/prompts/\(id)/collaborators/admin", token: admin)
            for list in ["/api/v1/tags", "/api/v1/auth/sessions", "/api/v1/prompts/\(id)/collaborators"] {
                let page = try await client.get("\(list)?limit=1", token: admin)
                #expect(page.status == .ok && (page.json["page"] as? [String: Any])?["limit"] as? Int == 1, "\(list)")
                #expect((page.json["data"] as? [Any])?.count ?? 0 <= 1, "\(list)")
                #expect(try await client.get("\(list)?limit=0", token: admin).status == .badRequest, "\(list)")
            }
            let blank = try await client.get("/api/v1/prompts?q=+", token: admin)
            #expect(blank.status == .ok && (blank.json["data"] as? [Any])?.count == 1, "q of spaces lists everything")
            let all = try await client.get("/api/v1/api-keys?limit=10", token: admin)
            #expect((all.json["page"] as? [String: Any])?["limit"] as? Int == 10)
        }
    }
}
