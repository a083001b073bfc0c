import Foundation
import PromptLibCore
@testable import PromptLibServer
import Testing

/// What a provider cannot make the server do: stream or trickle without end, be retried after it
/// may have taken the request, or have its breaker closed by a straggler.
@Suite("Provider limits")
struct ProviderLimitTests {
    static let wire = WireCase.all[0]

    @Test("a stream larger than the answer limit, or longer than the stream limit, fails")
    func boundedStreams() async throws {
        try await FakeProvider.with { fake in
            var policy = ProviderClientTests.policy()
            policy.maxResponseBytes = 2_000
            let endless = (0..<100).map { _ in #"data: {"choices":[{"index":0,"delta":{"content":"more "}}]}"# + "\n\n" }
            fake.script([FakeProvider.Answer(status: 200, headers: [("Content-Type", "text/event-stream")], parts: endless, partDelay: .zero)])
            let big = await Self.streamError(ProviderGateway(policy: policy), fake: fake)
            #expect(big?.kind == .malformed && big?.message.contains("larger than 2000 bytes") == true, "\(String(describing: big))")

            policy = ProviderClientTests.policy()
            policy.maxStreamDuration = .milliseconds(500)
            fake.script([FakeProvider.Answer(status: 200, headers: [("Content-Type", "text/event-stream")], parts: endless, partDelay: .milliseconds(100))])
            let long = await Self.streamError(ProviderGateway(policy: policy), fake: fake)
            #expect(long?.kind == .timeout, "\(String(describing: long))")
        }
    }

    @Test("a whole answer trickled slower than the call limit times out, though no pause reaches the read timeout")
    func trickle() async throws {
        try await FakeProvider.with { fake in
            var policy = ProviderClientTests.policy()
            policy.maxCallDuration = .milliseconds(600)
            let reply = FakeProvider.fixture("openai-chat/reply.json")
            let parts = stride(from: 0, to: reply.count, by: 40).map { String(reply.dropFirst($0).prefix(40)) }
            fake.script([FakeProvider.Answer(status: 200, headers: [("Content-Type", "application/json")], parts: parts, partDelay: .milliseconds(100))])
            let error = try await #require(throws: ProviderError.self) {
                try await ProviderGateway(policy: policy).complete(try Self.wire.call(), endpoint: Self.wire.endpoint(fake.url))
            }
            #expect(error.kind == .timeout && fake.received.count == 1)
        }
    }

    @Test("a stream that breaks off mid-answer is a failure, not a short answer")
    func brokenStream() async throws {
        try await FakeProvider.with { fake in
            let first = FakeProvider.fixture("openai-chat/stream.sse").components(separatedBy: "\n\n").prefix(2).map { $0 + "\n\n" }
            fake.script([FakeProvider.Answer(status: 200, headers: [("Content-Type", "text/event-stream")], parts: Array(first), breakOff: true)])
            let error = await Self.streamError(ProviderGateway(policy: ProviderClientTests.policy()), fake: fake)
            #expect(error != nil && [.unreachable, .malformed].contains(error!.kind), "\(String(describing: error))")
        }
    }

    @Test("a Bedrock event stream with a wrong checksum, or cut inside a message, is malformed")
    func brokenEventStream() async throws {
        let bedrock = WireCase.all.first { $0.target == .bedrock }!
        var flipped = FakeProvider.fixtureBytes("bedrock/stream.bin")
        flipped[flipped.count / 2] ^= 0xFF
        let corrupt = flipped
        let cut = Array(FakeProvider.fixtureBytes("bedrock/stream.bin").dropLast(10))
        try await FakeProvider.with { fake in
            for bytes in [corrupt, cut] {
                fake.script([.binary(bytes, contentType: "application/vnd.amazon.eventstream")])
                var failure: ProviderError?
                do {
                    for try await _ in ProviderGateway(policy: ProviderClientTests.policy()).stream(try bedrock.call(), endpoint: bedrock.endpoint(fake.url)) {}
                } catch {
                    failure = error as? ProviderError
                }
                #expect(failure?.kind == .malformed, "\(String(describing: failure))")
            }
        }
    }

    @Test("a provider nobody listens for is unreachable: a 503 naming no host")
    func unreachable() async throws {
        // Port 1 (tcpmux) has no listener on a test machine: the connection is refused at once.
        let port = 1
        let error = try await #require(throws: ProviderError.self) {
            try await ProviderGateway(policy: ProviderClientTests.policy()).complete(try Self.wire.call(), endpoint: Self.wire.endpoint("http://127.0.0.1:\(port)"))
        }
        #expect(error.kind == .unreachable, "\(error)")
        #expect(error.message == "could not be reached")
        #expect(error.apiError(provider: "openai").status == .serviceUnavailable)
    }

    @Test("only the half-open trial decides: a straggler from before the breaker opened neither closes it nor frees the trial's place")
    func stragglers() {
        let breaker = CircuitBreaker(threshold: 1, cooldown: .milliseconds(50))
        let start = ContinuousClock.now
        #expect(breaker.admit(now: start) == .allowed(trial: false))
        #expect(breaker.admit(now: start) == .allowed(trial: false))
        #expect(breaker.record(success: false, trial: false, now: start) == .open)
        #expect(breaker.record(success: true, trial: false, now: start) == .open, "a slow success from before must not close it")
        let later = start + .milliseconds(60)
        #expect(breaker.admit(now: later) == .allowed(trial: true))
        #expect(breaker.admit(now: later) == .refused(retryAfter: .milliseconds(50)), "one trial at a time")
        breaker.record(success: true, trial: false, now: later)
        #expect(breaker.admit(now: later) == .refused(retryAfter: .milliseconds(50)), "a straggler does not free the trial's place")
        #expect(breaker.record(success: true, trial: true, now: later) == .closed)
        #expect(breaker.admit(now: later) == .allowed(trial: false))
    }

    static func streamError(_ gateway: ProviderGateway, fake: FakeProvider) async -> ProviderError? {
        do {
            for try await _ in gateway.stream(try wire.call(), endpoint: wire.endpoint(fake.url)) {}
            return nil
        } catch {
            return error as? ProviderError
        }
    }
}
