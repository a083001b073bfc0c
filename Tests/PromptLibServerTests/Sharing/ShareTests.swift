import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

@Suite("Share links")
struct ShareTests {
    static func share(_ client: some TestClientProtocol, _ id: String, _ body: String, token: String) async throws -> (token: String, id: String, json: [String: Any]) {
        let response = try await client.send(.post, "/api/v1/prompts/\(id)/shares", json: body, token: token)
        guard response.status == .created, let secret = response.json["token"] as? String, let shareID = response.json["id"] as? String else {
            throw TestSetupError("share failed: \(response.status) \(String(buffer: response.body))")
        }
        return (secret, shareID, response.json)
    }

    static func view(_ client: some TestClientProtocol, _ token: String, password: String? = nil, query: String = "") async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let password { headers[.sharePassword] = password }
        return try await client.execute(uri: "/api/v1/shared/\(token)\(query)", method: .get, headers: headers)
    }

    @Test("a link is public and read-only, shows its version, and counts views up to its limit", arguments: TestEngine.available)
    func publicView(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await client.createPrompt("shared/greeting", goal: "Hello {{who}}", token: admin)
            _ = try await client.putPrompt(id, json: promptJSON("shared/greeting", goal: "Hi {{who}}"), token: admin)
            let link = try await Self.share(client, id, #"{"expires_in_hours": 2, "max_views": 2, "version": 1}"#, token: admin)
            #expect(link.token.hasPrefix("pls_") && link.token.count > 40)
            #expect((link.json["url"] as? String)?.hasSuffix("/s/\(link.token)") == true, "the link a person opens: the UI's share page")
            let first = try await Self.view(client, link.token)
            #expect(first.status == .ok)
            #expect((first.json["prompt"] as? [String: Any])?["goal"] as? String == "Hello {{who}}", "version 1, not the latest")
            #expect((first.json["shared"] as? [String: Any])?["views"] as? Int == 1)
            #expect(first.headers[.cacheControl] == "no-store")
            let yaml = try await Self.view(client, link.token, query: "?format=yaml")
            #expect(String(buffer: yaml.body).contains("goal: Hello {{who}}"))
            let third = try await Self.view(client, link.token)
            #expect(third.status == .gone && (third.json["error"] as? [String: Any])?["code"] as? String == "GONE")
            #expect(try await Self.view(client, "pls_not-a-real-token").status == .notFound)
            let list = try await client.get("/api/v1/prompts/\(id)/shares", token: admin)
            let listed = try #require((list.json["data"] as? [[String: Any]])?.first)
            #expect(listed["token"] == nil && listed["views"] as? Int == 2 && listed["state"] as? String == "gone")
        }
    }

    @Test("passwords go in a header, wrong ones are refused and limited; revoked and expired links answer 410", arguments: TestEngine.available)
    func passwordsAndRevocation(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await client.createPrompt("shared/secret", token: admin)
            let link = try await Self.share(client, id, #"{"password": "open sesame", "label": "latest"}"#, token: admin)
            #expect(link.json["has_password"] as? Bool == true)
            #expect(try await Self.view(client, link.token).status == .unauthorized)
            #expect(try await Self.view(client, link.token, query: "?password=open%20sesame").status == .unauthorized, "never from the URL")
            #expect(try await Self.view(client, link.token, password: "wrong").status == .unauthorized)
            #expect(try await Self.view(client, link.token, password: "open sesame").status == .ok)
            for _ in 0..<ShareService.passwordAttempts { _ = try await Self.view(client, link.token, password: "guess") }
            #expect(try await Self.view(client, link.token, password: "open sesame").status == .tooManyRequests)

            let other = try await Self.share(client, id, "{}", token: admin)
            #expect(try await client.call(.delete, "/api/v1/prompts/\(id)/shares/\(other.id)", token: admin).status == .noContent)
            #expect(try await Self.view(client, other.token).status == .gone)

            let brief = try await Self.share(client, id, #"{"expires_in_hours": 0.0003}"#, token: admin)
            try await Task.sleep(for: .seconds(1.5))
            #expect(try await Self.view(client, brief.token).status == .gone)
            #expect(try await client.send(.post, "/api/v1/prompts/\(id)/shares", json: #"{"expires_in_hours": 9000}"#, token: admin).status == .badRequest)
            #expect(try await client.send(.post, "/api/v1/prompts/\(id)/shares", json: #"{"label": "nope"}"#, token: admin).status == .notFound)
        }
    }

    @Test("only the prompt's writers may share it, and archiving ends its links", arguments: TestEngine.available)
    func writersOnly(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            _ = try await client.createUser("ulla", role: "user", admin: admin)
            let ulla = try await client.login("ulla", "Another-good-passphrase-9")
            let id = try await client.createPrompt("shared/admins", token: admin)
            #expect(try await client.send(.post, "/api/v1/prompts/\(id)/shares", json: "{}", token: ulla).status == .forbidden)
            let link = try await Self.share(client, id, "{}", token: admin)
            _ = try await client.call(.delete, "/api/v1/prompts/\(id)", token: admin)
            #expect(try await Self.view(client, link.token).status == .gone)
        }
    }
}
