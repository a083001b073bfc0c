import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

@Suite("Correlation ids")
struct RequestIDTests {
    @Test("a sane client id is echoed; anything else is replaced", arguments: [
        ("abc-123_X.y", true), (String(repeating: "a", count: 128), true),
        (String(repeating: "a", count: 129), false), ("has space", false), ("semi;colon", false), ("ünï", false),
        // A bearer secret pasted as a correlation id is neither echoed nor logged.
        ("pls_" + String(repeating: "Q", count: 43), false), ("pl_" + String(repeating: "k", count: 43), false),
    ])
    func acceptance(candidate: String, kept: Bool) async throws {
        try await withTestApp(.sqlite) { client in
            let response = try await client.get("/api/health", headers: [.requestID: candidate])
            let echoed = try #require(response.headers[.requestID])
            if kept {
                #expect(echoed == candidate)
            } else {
                #expect(echoed != candidate)
                #expect(echoed.count == 32 && RequestID.isSane(echoed))
            }
        }
    }

    @Test("every response carries a fresh id when the client sends none")
    func generated() async throws {
        try await withTestApp(.sqlite) { client in
            let first = try await client.get("/api/health").headers[.requestID]
            let second = try await client.get("/api/v1/missing").headers[.requestID]
            #expect(first != nil && second != nil && first != second)
        }
    }
}

@Suite("CORS")
struct CORSTests {
    @Test("preflight and error responses allow the configured origin only")
    func corsHeaders() async throws {
        try await withTestApp(.sqlite, configure: { $0.corsOrigin = "https://prompts.example.com" }) { client in
            let preflight = try await client.execute(uri: "/api/v1/prompts", method: .options, headers: [
                .origin: "https://prompts.example.com", .accessControlRequestMethod: "PUT",
            ])
            #expect(preflight.headers[.accessControlAllowOrigin] == "https://prompts.example.com")
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("PUT") == true)
            let error = try await client.get("/api/v1/prompts", headers: [.origin: "https://prompts.example.com"])
            #expect(error.status == .unauthorized)
            #expect(error.headers[.accessControlAllowOrigin] == "https://prompts.example.com")
        }
    }
}

@Suite("Security headers")
struct SecurityHeaderTests {
    @Test("every response, errors included, forbids sniffing, framing and referrers; HTML gets a strict CSP")
    func headers() async throws {
        try await withTestApp(.sqlite) { client in
            for response in [try await client.get("/api/health"), try await client.get("/api/v1/prompts"), try await client.get("/api/docs")] {
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.xFrameOptions] == "DENY")
                #expect(response.headers[.referrerPolicy] == "no-referrer")
            }
            let page = try await client.get("/api/docs")
            let policy = try #require(page.headers[.contentSecurityPolicy])
            #expect(policy.contains("default-src 'none'") && !policy.contains("*"))
        }
    }
}
