import PromptLibCore

/// One request to a model: the body the renderer produced for `target`, unchanged, so what the SDK
/// conformance suite proves about rendered bodies is what goes on the wire.
struct ProviderCall: Sendable {
    var target: RenderTarget
    var model: String
    var body: JSONValue
}

/// Tokens a provider says a call used.
struct TokenUsage: Sendable, Equatable, Codable {
    var inputTokens: Int?
    var outputTokens: Int?

    enum CodingKeys: String, CodingKey { case inputTokens = "input_tokens", outputTokens = "output_tokens" }
}

/// What a model answered.
struct ProviderReply: Sendable, Equatable {
    var output: String
    var usage: TokenUsage
    /// The model that answered, as the provider names it (it may differ from the one asked for).
    var model: String
    /// Why the model stopped, in the provider's words (`stop`, `end_turn`, `max_tokens`…).
    var finishReason: String?
}

/// A streamed call as it arrives: text as it comes, then the whole reply.
enum ProviderStreamChunk: Sendable, Equatable {
    case text(String)
    case done(ProviderReply)
}
