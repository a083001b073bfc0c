import Foundation
import PromptLibCore
@testable import PromptLibServer
import Testing

/// Every provider client against a fake server speaking its wire format: answers, streams,
/// rate limits with `Retry-After`, timeouts, refusals, nonsense, and the circuit breaker.
@Suite("Provider clients")
struct ProviderClientTests {
    /// Quick to give up, so the failure cases finish fast.
    static func policy(read: Duration = .seconds(5)) -> ProviderPolicy {
        var policy = ProviderPolicy()
        policy.readTimeout = read
        policy.connectTimeout = .seconds(2)
        policy.baseBackoff = .milliseconds(20)
        policy.breakerThreshold = 2
        policy.breakerCooldown = .milliseconds(600)
        return policy
    }

    @Test("a reply is read with its text, usage and model; the request carries the rendered body and the credential", arguments: WireCase.all)
    func reply(wire: WireCase) async throws {
        try await FakeProvider.with { fake in
            fake.script([.json(FakeProvider.fixture("\(wire.fixtures)/reply.json"))])
            let call = try wire.call()
            let reply = try await ProviderGateway(policy: Self.policy()).complete(call, endpoint: wire.endpoint(fake.url))
            #expect(reply.output == wire.replyText)
            #expect(reply.usage.inputTokens != nil && reply.usage.outputTokens != nil)
            #expect(!reply.model.isEmpty)
            let sent = try #require(fake.received.first)
            #expect(sent.path == wire.path)
            #expect(sent.headers[wire.auth.name]?.contains(wire.auth.contains) == true, "\(sent.headers)")
            #expect(try JSONDecoder().decode(JSONValue.self, from: Data(sent.body.utf8)) == call.body)
        }
    }

    @Test("a stream arrives in parts and ends with the usage", arguments: WireCase.all)
    func stream(wire: WireCase) async throws {
        try await FakeProvider.with { fake in
            fake.script([wire.stream])
            var texts: [String] = []
            var done: ProviderReply?
            for try await chunk in ProviderGateway(policy: Self.policy()).stream(try wire.call(), endpoint: wire.endpoint(fake.url)) {
                switch chunk {
                case .text(let text): texts.append(text)
                case .done(let reply): done = reply
                }
            }
            let reply = try #require(done)
            #expect(texts.joined() == reply.output)
            #expect(reply.output == "Hello, Ada!")
            #expect(texts.count >= 2, "the text came in one piece: \(texts)")
            #expect(reply.usage.outputTokens != nil)
            let sent = try #require(fake.received.first)
            #expect(sent.body.contains(#""stream":true"#) || sent.path.contains("alt=sse") || sent.path.hasSuffix("/converse-stream"), "\(sent.path)")
        }
    }

    @Test("a 429 is retried after its Retry-After, then answered", arguments: WireCase.all)
    func rateLimited(wire: WireCase) async throws {
        try await FakeProvider.with { fake in
            fake.script([.json(FakeProvider.fixture(wire.rateLimit), status: 429, headers: [("Retry-After", "1")]),
                         .json(FakeProvider.fixture("\(wire.fixtures)/reply.json"))])
            let started = ContinuousClock.now
            let reply = try await ProviderGateway(policy: Self.policy()).complete(try wire.call(), endpoint: wire.endpoint(fake.url))
            #expect(reply.output == wire.replyText)
            #expect(fake.received.count == 2)
            #expect(ContinuousClock.now - started >= .milliseconds(900), "Retry-After: 1 was not waited for")
        }
    }

    @Test("rate limited through every retry: 503 with the provider's message and Retry-After", arguments: WireCase.all)
    func rateLimitedThroughout(wire: WireCase) async throws {
        try await FakeProvider.with { fake in
            fake.script([], then: .json(FakeProvider.fixture(wire.rateLimit), status: 429))
            var policy = Self.policy()
            policy.breakerThreshold = 10
            let error = try await #require(throws: ProviderError.self) {
                try await ProviderGateway(policy: policy).complete(try wire.call(), endpoint: wire.endpoint(fake.url))
            }
            #expect(error.kind == .unavailable && error.status == 429)
            #expect(fake.received.count == 1 + policy.maxRetries)
            let api = error.apiError(provider: wire.kind.rawValue)
            #expect(api.status == .serviceUnavailable && api.code == .serviceUnavailable)
            #expect(api.message.count > wire.kind.rawValue.count + 10, "the provider's message is missing: \(api.message)")
        }
    }

    @Test("a provider slower than the read timeout is a timeout, not retried", arguments: WireCase.all)
    func timeout(wire: WireCase) async throws {
        try await FakeProvider.with { fake in
            var slow = FakeProvider.Answer.json(FakeProvider.fixture("\(wire.fixtures)/reply.json"))
            slow.delay = .seconds(3)
            fake.script([slow])
            let error = try await #require(throws: ProviderError.self) {
                try await ProviderGateway(policy: Self.policy(read: .seconds(1))).complete(try wire.call(), endpoint: wire.endpoint(fake.url))
            }
            #expect(error.kind == .timeout)
            #expect(fake.received.count == 1)
            #expect(error.apiError(provider: "x").status == .serviceUnavailable)
        }
    }

    @Test("malformed answers are 502s, never outputs", arguments: WireCase.all)
    func malformed(wire: WireCase) async throws {
        try await FakeProvider.with { fake in
            for body in ["{\"choices\": [", "<html>Bad gateway</html>", "{\"unexpected\": true}"] {
                fake.script([.json(body)])
                let error = try await #require(throws: ProviderError.self) {
                    try await ProviderGateway(policy: Self.policy()).complete(try wire.call(), endpoint: wire.endpoint(fake.url))
                }
                #expect(error.kind == .malformed, "\(body)")
                #expect(error.apiError(provider: "x").code == .externalServiceError)
            }
        }
    }

    @Test("a refusal is a 502 in the provider's words, with no credential in it", arguments: WireCase.all)
    func refused(wire: WireCase) async throws {
        try await FakeProvider.with { fake in
            // The provider echoes the key back, as OpenAI's 401 does with part of it.
            let secret = wire.credentials["api_key"] ?? wire.credentials["secret_access_key"]!
            let echoed = FakeProvider.fixture(wire.refusal.file).replacingOccurrences(of: #""message":""#, with: #""message":"key \#(secret): "#)
            #expect(echoed.contains(secret))
            fake.script([.json(echoed, status: wire.refusal.status)])
            let error = try await #require(throws: ProviderError.self) {
                try await ProviderGateway(policy: Self.policy()).complete(try wire.call(), endpoint: wire.endpoint(fake.url))
            }
            #expect(error.kind == .rejected && error.status == wire.refusal.status)
            #expect(fake.received.count == 1, "a refusal must not be retried")
            #expect(!error.message.contains(secret) && !error.message.contains("sk-proj"), "\(error.message)")
            #expect(error.message.count > 5)
        }
    }

    @Test("the breaker opens after repeated failures, refuses without calling, and closes after a good trial", arguments: WireCase.all)
    func breaker(wire: WireCase) async throws {
        try await FakeProvider.with { fake in
            var policy = Self.policy()
            policy.maxRetries = 0
            let gateway = ProviderGateway(policy: policy)
            let endpoint = wire.endpoint(fake.url)
            fake.script([], then: .json(#"{"error":{"message":"upstream overloaded"}}"#, status: 503))
            for _ in 0..<2 {
                await #expect(throws: ProviderError.self) { try await gateway.complete(try wire.call(), endpoint: endpoint) }
            }
            #expect(gateway.breakers.state(of: endpoint.connectionID).state == .open)
            let refused = try await #require(throws: ProviderError.self) { try await gateway.complete(try wire.call(), endpoint: endpoint) }
            #expect(refused.kind == .circuitOpen && refused.retryAfter != nil)
            #expect(fake.received.count == 2, "an open breaker must not call the provider")
            try await Task.sleep(for: .milliseconds(700))
            #expect(gateway.breakers.state(of: endpoint.connectionID).state == .halfOpen)
            fake.script([], then: .json(FakeProvider.fixture("\(wire.fixtures)/reply.json")))
            let reply = try await gateway.complete(try wire.call(), endpoint: endpoint)
            #expect(reply.output == wire.replyText)
            #expect(gateway.breakers.state(of: endpoint.connectionID).state == .closed)
        }
    }
}
