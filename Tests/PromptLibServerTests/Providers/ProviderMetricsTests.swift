import Foundation
import HummingbirdTesting
import MetricsTestKit
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// The metrics count runs, enhancements, provider calls by outcome, and open breakers, per provider.
@Suite("Provider metrics")
struct ProviderMetricsTests {
    @Test("runs, calls, enhancements and the breaker gauge, per provider and outcome")
    func counted() async throws {
        let metrics = TestMetrics()
        try await FakeProvider.with { fake in
            try await withAdminApp(.sqlite, configure: {
                $0.metricsFactory = metrics
                $0.providers.maxRetries = 0
                $0.providers.breakerThreshold = 2
            }) { client, admin in
                let prompt = try await client.createPrompt("metrics/hello", token: admin)
                let connection = try await PromptRunTests.connection(client, fake: fake, token: admin, provider: "anthropic")
                let body = #"{"connection_id":"\#(connection)","variables":{"who":"Ada"}}"#
                let outage = FakeProvider.Answer.json(FakeProvider.fixture("anthropic/error-429.json"), status: 429)
                fake.script([.json(FakeProvider.fixture("anthropic/reply.json")), outage, outage])
                for _ in 0..<3 { _ = try await client.send(.post, "/api/v1/prompts/\(prompt)/run", json: body, token: admin) }
                let anthropic = [("provider", "anthropic")]
                #expect(metrics.counterTotal(label: "promptlib_prompt_runs_total", dimensions: anthropic + [("outcome", "success")]) == 1)
                #expect(metrics.counterTotal(label: "promptlib_prompt_runs_total", dimensions: anthropic + [("outcome", "failure")]) == 2)
                #expect(metrics.counterTotal(label: "promptlib_provider_requests_total", dimensions: anthropic + [("outcome", "unavailable")]) == 2)
                #expect(try metrics.expectGauge("promptlib_provider_breakers_open", anthropic).lastValue == 1, "two failures opened the breaker")
                _ = try await client.send(.post, "/api/v1/prompts/\(prompt)/run", json: body, token: admin)
                #expect(metrics.counterTotal(label: "promptlib_provider_requests_total", dimensions: anthropic + [("outcome", "circuit_open")]) == 1)

                let job = try await EnhancementTests.start(client, prompt: prompt, token: admin)
                _ = try await EnhancementTests.settled(client, job, token: admin)
                #expect(metrics.counterTotal(label: "promptlib_enhancements_total", dimensions: [("engine", "builtin")]) == 1)
            }
        }
    }
}
