import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// Run logs take numbers from any user: they are bounded, and summing them never traps.
@Suite("Run log bounds")
struct RunLogBoundsTests {
    @Test("token counts near 2^62 and latencies past PostgreSQL's INTEGER are 400s; the summary still answers", arguments: TestEngine.available)
    func bounded(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await client.createPrompt("runs/bounded", token: admin)
            for body in [#"{"success":true,"input_tokens":4611686018427387904}"#, #"{"success":true,"latency_ms":2147483648}"#,
                         #"{"success":true,"output_tokens":-1}"#, #"{"success":true,"version":1099511627776}"#] {
                let response = try await client.send(.post, "/api/v1/prompts/\(id)/runs", json: body, token: admin)
                #expect(response.status == .badRequest, "\(body): \(String(buffer: response.body))")
            }
            let rating = try await client.send(.put, "/api/v1/prompts/\(id)/ratings/mine", json: #"{"score":3,"version":1099511627776}"#, token: admin)
            #expect(rating.status == .notFound)
            for _ in 0..<2 {
                let ok = try await client.send(.post, "/api/v1/prompts/\(id)/runs", json: #"{"success":true,"input_tokens":100000000}"#, token: admin)
                #expect(ok.status == .created)
            }
            let summary = try await client.get("/api/v1/prompts/\(id)/runs", token: admin)
            #expect((summary.json["summary"] as? [String: Any])?["input_tokens"] as? Int == 200_000_000, "\(String(buffer: summary.body))")
        }
    }

    @Test("sums of stored values saturate instead of trapping")
    func saturating() {
        #expect(RunSummary.saturatingSum([Int.max / 2 + 1, Int.max / 2 + 1]) == Int.max)
        #expect(RunSummary.saturatingSum([1, 2, 3]) == 6)
    }
}
