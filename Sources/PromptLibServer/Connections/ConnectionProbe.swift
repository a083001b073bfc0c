import Hummingbird
import PromptLibCore

/// `POST /api/v1/connections/{id}/test`: one minimal call through the connection (a few output
/// tokens), reporting how long it took or what the provider said, and the breaker's state.
struct ConnectionProbe: Sendable {
    let connections: ConnectionService
    let gateway: ProviderGateway

    struct Input: Decodable, Sendable {
        var model: String?
        var api: String?
    }

    func test(id: String, _ input: Input, context: AppRequestContext) async throws -> ConnectionTestResult {
        let record = try await connections.usable(id, context: context)
        let endpoint = try connections.endpoint(of: record)
        if let model = input.model, !(1...200).contains(model.unicodeScalars.count) {
            throw APIError.validation("model must be 1 to 200 characters", field: "model")
        }
        let target = try endpoint.target(requested: input.api)
        let document = PromptDocument(name: "system/connection-test", title: "Connection test",
                                      prompt: PromptBody(goal: "Reply with the single word OK."))
        let request = PromptRenderer.Request(target: target, model: input.model ?? record.defaultModel, params: ["max_tokens": .number(16)])
        let rendered: PromptRenderer.Result
        do {
            rendered = try PromptRenderer.render(document, request)
        } catch {
            throw RenderService.unprocessable(error)
        }
        let started = ContinuousClock.now
        do {
            let reply = try await gateway.complete(ProviderCall(target: target, model: rendered.model, body: rendered.payload), endpoint: endpoint)
            return ConnectionTestResult(ok: true, latencyMs: (ContinuousClock.now - started).milliseconds, model: reply.model, error: nil,
                                        breaker: BreakerView(gateway.breakers.state(of: record.id)))
        } catch let error as ProviderError {
            let failure = error.apiError(provider: endpoint.kind.rawValue)
            return ConnectionTestResult(ok: false, latencyMs: (ContinuousClock.now - started).milliseconds, model: rendered.model,
                                        error: .init(code: failure.code, message: failure.message, status: error.status),
                                        breaker: BreakerView(gateway.breakers.state(of: record.id)))
        }
    }
}

/// A connection's circuit breaker as the API shows it.
struct BreakerView: Codable, Sendable, Equatable {
    let state: CircuitBreaker.State
    let consecutiveFailures: Int

    enum CodingKeys: String, CodingKey { case state, consecutiveFailures = "consecutive_failures" }

    init(_ snapshot: (state: CircuitBreaker.State, failures: Int)) {
        state = snapshot.state
        consecutiveFailures = snapshot.failures
    }
}

/// The answer of a connection test. A provider that fails is a `200` with `ok: false`: the test
/// itself worked, and its finding is the provider's error.
struct ConnectionTestResult: ResponseEncodable, Sendable {
    struct Failure: Codable, Sendable {
        let code: APIError.Code
        let message: String
        /// The provider's HTTP status, when it answered.
        let status: Int?
    }

    let ok: Bool
    let latencyMs: Int
    let model: String
    let error: Failure?
    let breaker: BreakerView

    enum CodingKeys: String, CodingKey { case ok, model, error, breaker, latencyMs = "latency_ms" }
}
