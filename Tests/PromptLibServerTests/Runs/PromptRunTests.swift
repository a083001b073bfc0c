import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// `POST /api/v1/prompts/{id}/run` and `POST /api/v1/connections/{id}/test` against fake providers.
@Suite("Running prompts")
struct PromptRunTests {
    static let key = "sk-proj-run-test-0123456789abcdef"

    /// A quick-failing policy: no retries, a short read timeout.
    static let configure: @Sendable (inout AppConfiguration) -> Void = {
        $0.providers.maxRetries = 0
        $0.providers.readTimeout = .seconds(2)
        $0.providers.breakerThreshold = 2
    }

    static func connection(_ client: some TestClientProtocol, fake: FakeProvider, token: String, provider: String = "openai") async throws -> String {
        let credentials = provider == "openai_compatible" ? "" : #","credentials":{"api_key":"\#(key)"}"#
        let response = try await client.send(.post, "/api/v1/connections",
                                             json: #"{"name":"fake \#(provider)","provider":"\#(provider)","base_url":"\#(fake.url)"\#(credentials)}"#, token: token)
        guard response.status == .created, let id = response.json["id"] as? String else {
            throw TestSetupError("connection: \(response.status) \(String(buffer: response.body))")
        }
        return id
    }

    @Test("a run answers with the model's output, usage and latency, and is logged without its values", arguments: TestEngine.available)
    func run(engine: TestEngine) async throws {
        try await FakeProvider.with { fake in
            try await withAdminApp(engine, configure: Self.configure) { client, admin in
                let prompt = try await client.createPrompt("runs/hello", token: admin)
                let connection = try await Self.connection(client, fake: fake, token: admin)
                fake.script([.json(FakeProvider.fixture("openai-responses/reply.json"))])
                let response = try await client.send(.post, "/api/v1/prompts/\(prompt)/run",
                                                     json: #"{"connection_id":"\#(connection)","variables":{"who":"Ada Lovelace"}}"#, token: admin)
                #expect(response.status == .ok, "\(String(buffer: response.body))")
                #expect(response.json["output"] as? String == "Hello, Ada! How can I help you today?")
                #expect((response.json["usage"] as? [String: Any])?["input_tokens"] as? Int == 36)
                #expect(response.json["model"] as? String == "gpt-4.1-2025-04-14")
                #expect(response.json["provider"] as? String == "openai_responses")
                #expect(response.json["latency_ms"] is Int)
                let sent = try #require(fake.received.first)
                #expect(sent.path == "/responses" && sent.body.contains("Ada Lovelace"))
                #expect(sent.headers["authorization"] == "Bearer \(Self.key)")
                #expect(!String(buffer: response.body).contains(Self.key))

                let runs = try await client.get("/api/v1/prompts/\(prompt)/runs", token: admin)
                let logged = try #require((runs.json["data"] as? [[String: Any]])?.first)
                #expect(logged["success"] as? Bool == true && logged["input_tokens"] as? Int == 36 && logged["output_tokens"] as? Int == 10)
                #expect(!String(buffer: runs.body).contains("Ada Lovelace"), "the run log must not keep values")

                // Chat Completions on request, and OpenAI-compatible servers without a key.
                fake.script([.json(FakeProvider.fixture("openai-chat/reply.json")), .json(FakeProvider.fixture("openai-chat/reply.json"))])
                let chat = try await client.send(.post, "/api/v1/prompts/\(prompt)/run",
                                                 json: #"{"connection_id":"\#(connection)","api":"openai","variables":{"who":"Ada"}}"#, token: admin)
                #expect(chat.status == .ok && fake.received.last?.path == "/chat/completions")
                let local = try await Self.connection(client, fake: fake, token: admin, provider: "openai_compatible")
                let compatible = try await client.send(.post, "/api/v1/prompts/\(prompt)/run",
                                                       json: #"{"connection_id":"\#(local)","model":"llama3.1:8b","variables":{"who":"Ada"}}"#, token: admin)
                #expect(compatible.status == .ok, "\(String(buffer: compatible.body))")
                #expect(fake.received.last?.headers["authorization"] == nil && fake.received.last?.body.contains("llama3.1:8b") == true)
            }
        }
    }

    @Test("?stream=true answers with Server-Sent Events as the model writes, ending with the whole reply")
    func stream() async throws {
        try await FakeProvider.with { fake in
            try await withAdminApp(.sqlite, configure: Self.configure) { client, admin in
                let prompt = try await client.createPrompt("runs/stream", token: admin)
                let connection = try await Self.connection(client, fake: fake, token: admin, provider: "anthropic")
                fake.script([.events(FakeProvider.fixture("anthropic/stream.sse"))])
                let response = try await client.send(.post, "/api/v1/prompts/\(prompt)/run?stream=true",
                                                     json: #"{"connection_id":"\#(connection)","variables":{"who":"Ada"}}"#, token: admin)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/event-stream") == true)
                let text = String(buffer: response.body)
                #expect(text.contains("event: delta\ndata: {\"text\":\"Hello, \"}") && text.contains("event: delta\ndata: {\"text\":\"Ada!\"}"), "\(text)")
                let done = try #require(text.components(separatedBy: "event: done\ndata: ").last?.components(separatedBy: "\n").first)
                let reply = try JSONSerialization.jsonObject(with: Data(done.utf8)) as? [String: Any]
                #expect(reply?["output"] as? String == "Hello, Ada!" && (reply?["usage"] as? [String: Any])?["output_tokens"] as? Int == 15)
            }
        }
    }

    @Test("a provider that refuses or is down is an error response, logged as a failed run — never an output", arguments: TestEngine.available)
    func failures(engine: TestEngine) async throws {
        try await FakeProvider.with { fake in
            try await withAdminApp(engine, configure: Self.configure) { client, admin in
                let prompt = try await client.createPrompt("runs/failing", token: admin)
                let connection = try await Self.connection(client, fake: fake, token: admin)
                let body = #"{"connection_id":"\#(connection)","variables":{"who":"Ada"}}"#
                let refusal = FakeProvider.fixture("openai-chat/error-401.json").replacingOccurrences(of: "sk-proj-********************wxyz", with: Self.key)
                fake.script([.json(refusal, status: 401)])
                let refused = try await client.send(.post, "/api/v1/prompts/\(prompt)/run", json: body, token: admin)
                #expect(refused.status == .badGateway && refused.errorCode == "EXTERNAL_SERVICE_ERROR")
                #expect(String(buffer: refused.body).contains("Incorrect API key") && !String(buffer: refused.body).contains(Self.key))

                fake.script([.json(#"{"error":{"message":"The server is overloaded"}}"#, status: 503, headers: [("Retry-After", "7")])])
                let down = try await client.send(.post, "/api/v1/prompts/\(prompt)/run", json: body, token: admin)
                #expect(down.status == .serviceUnavailable && down.errorCode == "SERVICE_UNAVAILABLE" && down.headers[.retryAfter] == "7")
                // A stream that cannot start is an ordinary error status too.
                fake.script([.json(#"{"error":{"message":"The server is overloaded"}}"#, status: 503)])
                let stream = try await client.send(.post, "/api/v1/prompts/\(prompt)/run?stream=true", json: body, token: admin)
                #expect(stream.status == .serviceUnavailable && stream.headers[.contentType]?.contains("json") == true)

                let runs = try await client.get("/api/v1/prompts/\(prompt)/runs", token: admin)
                let logged = runs.json["data"] as? [[String: Any]] ?? []
                #expect(logged.count == 3 && logged.allSatisfy { $0["success"] as? Bool == false })
                #expect(!String(buffer: runs.body).contains(Self.key))

                // Two outages in a row (the refusal before them does not count) opened the breaker: the connection shows it, the next run is refused at once.
                let shown = try await client.get("/api/v1/connections/\(connection)", token: admin)
                #expect((shown.json["breaker"] as? [String: Any])?["state"] as? String == "open")
                let before = fake.received.count
                let paused = try await client.send(.post, "/api/v1/prompts/\(prompt)/run", json: body, token: admin)
                #expect(paused.status == .serviceUnavailable && paused.headers[.retryAfter] != nil && fake.received.count == before)
            }
        }
    }

    @Test("bad runs are 4xx before anything is sent: no connection, someone else's, wrong values, a viewer")
    func refusedBeforeSending() async throws {
        try await FakeProvider.with { fake in
            try await withAdminApp(.sqlite, configure: Self.configure) { client, admin in
                let prompt = try await client.createPrompt("runs/guarded", token: admin)
                let mine = try await Self.connection(client, fake: fake, token: admin)
                _ = try await client.createUser("ed", role: "user", admin: admin)
                _ = try await client.createUser("vi", role: "viewer", admin: admin)
                let ed = try await client.login("ed", "Another-good-passphrase-9")
                let viewer = try await client.login("vi", "Another-good-passphrase-9")
                let cases: [(String, String, HTTPResponse.Status)] = [
                    (#"{"variables":{"who":"Ada"}}"#, admin, .badRequest),
                    (#"{"connection_id":"nope","variables":{"who":"Ada"}}"#, admin, .notFound),
                    (#"{"connection_id":"\#(mine)","variables":{"who":"Ada"}}"#, ed, .notFound),
                    (#"{"connection_id":"\#(mine)","variables":{}}"#, admin, .unprocessableContent),
                    (#"{"connection_id":"\#(mine)","api":"anthropic","variables":{"who":"Ada"}}"#, admin, .badRequest),
                    (#"{"connection_id":"\#(mine)","variables":{"who":"Ada"}}"#, viewer, .forbidden),
                ]
                for (body, token, status) in cases {
                    let response = try await client.send(.post, "/api/v1/prompts/\(prompt)/run", json: body, token: token)
                    #expect(response.status == status, "\(body): \(String(buffer: response.body))")
                }
                #expect(fake.received.isEmpty)
            }
        }
    }

    @Test("a connection test reports latency, or the provider's error, and the breaker")
    func connectionTest() async throws {
        try await FakeProvider.with { fake in
            try await withAdminApp(.sqlite, configure: Self.configure) { client, admin in
                let connection = try await Self.connection(client, fake: fake, token: admin, provider: "gemini")
                fake.script([.json(FakeProvider.fixture("gemini/reply.json")), .json(FakeProvider.fixture("gemini/error-400.json"), status: 400)])
                let ok = try await client.call(.post, "/api/v1/connections/\(connection)/test", token: admin)
                #expect(ok.status == .ok && ok.json["ok"] as? Bool == true && ok.json["latency_ms"] is Int, "\(String(buffer: ok.body))")
                #expect(fake.received.first?.body.contains("maxOutputTokens") == true, "the test asks for a few tokens only")
                let bad = try await client.call(.post, "/api/v1/connections/\(connection)/test", token: admin)
                #expect(bad.status == .ok && bad.json["ok"] as? Bool == false)
                let error = bad.json["error"] as? [String: Any]
                #expect(error?["code"] as? String == "EXTERNAL_SERVICE_ERROR" && error?["status"] as? Int == 400)
                #expect((error?["message"] as? String)?.contains("API key not valid") == true)
                #expect((bad.json["breaker"] as? [String: Any])?["state"] as? String == "closed", "a refusal does not count against the breaker")
                let other = try await client.createUser("ann", role: "user", admin: admin)
                _ = other
                let ann = try await client.login("ann", "Another-good-passphrase-9")
                #expect(try await client.call(.post, "/api/v1/connections/\(connection)/test", token: ann).status == .notFound)
                // An admin sees every connection, but spending another's key is its owner's decision.
                let annsConnection = try await Self.connection(client, fake: fake, token: ann, provider: "gemini")
                #expect(try await client.get("/api/v1/connections/\(annsConnection)", token: admin).status == .ok)
                #expect(try await client.call(.post, "/api/v1/connections/\(annsConnection)/test", token: admin).status == .notFound)
                // Nor point it elsewhere: the next run would carry its key there.
                let moved = try await client.send(.patch, "/api/v1/connections/\(annsConnection)", json: #"{"base_url":"https://collector.example"}"#, token: admin)
                #expect(moved.status == .forbidden && moved.errorField == "base_url")
                let renamed = try await client.send(.patch, "/api/v1/connections/\(annsConnection)", json: #"{"base_url":"\#(fake.url)/v1"}"#, token: ann)
                #expect(renamed.status == .ok, "its owner may")
            }
        }
    }
}
