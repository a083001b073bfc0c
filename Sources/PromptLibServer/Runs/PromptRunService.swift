import Foundation
import Hummingbird
import PromptLibCore
import PromptLibStorage

/// `POST /api/v1/prompts/{id}/run`: renders a version for a connection's provider, sends it, and
/// logs the run (figures only: no values, no output). A failure is an error, never an output.
struct PromptRunService: Sendable {
    let render: RenderService
    let connections: ConnectionService
    let gateway: ProviderGateway
    let feedback: any FeedbackRepository

    /// The body of a run.
    struct Input: Decodable, Sendable {
        var connectionID: String?
        var variables: [String: JSONValue]?
        var version: Int?
        var label: String?
        var params: [String: JSONValue]?
        var model: String?
        /// For OpenAI connections: `openai_responses` (the default) or `openai` (Chat Completions).
        var api: String?

        enum CodingKeys: String, CodingKey {
            case variables, version, label, params, model, api, connectionID = "connection_id"
        }
    }

    /// A run about to be sent: the call, where it goes, and what the log needs.
    struct Prepared: Sendable {
        let call: ProviderCall
        let endpoint: ProviderEndpoint
        let promptID: String
        let version: Int
        let warnings: [String]
        let started: ContinuousClock.Instant
        let username: String
    }

    /// Checks the input, resolves the connection and renders: every `4xx` happens here, before
    /// anything is sent.
    func prepare(promptID: String, _ input: Input, context: AppRequestContext) async throws -> Prepared {
        let identity = try context.requireIdentity()
        guard let connectionID = input.connectionID else { throw APIError.validation("connection_id is required", field: "connection_id") }
        if let model = input.model, !(1...200).contains(model.unicodeScalars.count) {
            throw APIError.validation("model must be 1 to 200 characters", field: "model")
        }
        let record = try await connections.usable(connectionID, context: context)
        let endpoint = try connections.endpoint(of: record)
        let target = try endpoint.target(requested: input.api)
        let renderInput = RenderService.Input(provider: target.rawValue, providers: nil, model: input.model ?? record.defaultModel,
                                              variables: input.variables, version: input.version, label: input.label, params: input.params)
        let rendered = try await render.render(promptID: promptID, renderInput)
        let call = ProviderCall(target: target, model: rendered.result.model, body: rendered.result.payload)
        return Prepared(call: call, endpoint: endpoint, promptID: promptID, version: rendered.version, warnings: rendered.result.warnings,
                        started: .now, username: identity.username)
    }

    /// Sends a prepared run and waits for the whole answer.
    func run(_ prepared: Prepared) async throws -> RunOutput {
        do {
            let reply = try await gateway.complete(prepared.call, endpoint: prepared.endpoint)
            return await finish(prepared, reply: reply)
        } catch let error as ProviderError {
            throw await fail(prepared, error)
        }
    }

    /// Logs a run that answered, and counts it.
    func finish(_ prepared: Prepared, reply: ProviderReply) async -> RunOutput {
        let latency = (ContinuousClock.now - prepared.started).milliseconds
        await log(prepared, success: true, latency: latency, usage: reply.usage, note: nil)
        gateway.metrics.run(provider: prepared.endpoint.kind.rawValue, success: true)
        return RunOutput(output: reply.output, usage: reply.usage, latencyMs: latency, model: reply.model, finishReason: reply.finishReason,
                         provider: prepared.call.target.rawValue, version: prepared.version, warnings: prepared.warnings)
    }

    /// Logs a run that failed, counts it, and gives the error to report.
    func fail(_ prepared: Prepared, _ error: ProviderError) async -> APIError {
        let latency = (ContinuousClock.now - prepared.started).milliseconds
        // The run log is read by everyone who may read the prompt: it keeps the kind of failure and
        // the provider's status, not its message (which can name accounts and organisations).
        await log(prepared, success: false, latency: latency, usage: TokenUsage(), note: error.kind.rawValue + (error.status.map { " (HTTP \($0))" } ?? ""))
        gateway.metrics.run(provider: prepared.endpoint.kind.rawValue, success: false)
        return error.apiError(provider: prepared.endpoint.kind.rawValue)
    }

    /// The run log keeps figures, never values or output. A log that cannot be written does not
    /// take the answer away from the caller.
    private func log(_ prepared: Prepared, success: Bool, latency: Int, usage: TokenUsage, note: String?) async {
        let bounded = { (value: Int?) in value.map { min(max($0, 0), FeedbackService.maxTokens) } }
        let run = RunRecord(promptID: prepared.promptID, version: prepared.version, provider: prepared.call.target.rawValue,
                            model: String(prepared.call.model.prefix(200)), success: success, latencyMs: min(latency, FeedbackService.maxLatencyMs),
                            inputTokens: bounded(usage.inputTokens), outputTokens: bounded(usage.outputTokens),
                            note: note.map { String($0.prefix(2_000)) }, recordedBy: prepared.username, recordedAt: Date())
        _ = try? await feedback.record(run)
    }
}

/// The answer of `POST …/run`.
struct RunOutput: ResponseEncodable, Sendable {
    let output: String
    let usage: TokenUsage
    let latencyMs: Int
    let model: String
    let finishReason: String?
    /// The API the run went to (`openai_responses`, `anthropic`…).
    let provider: String
    let version: Int
    let warnings: [String]

    enum CodingKeys: String, CodingKey {
        case output, usage, model, provider, version, warnings, latencyMs = "latency_ms", finishReason = "finish_reason"
    }
}
