/// One model in the ``ModelCatalogue``: what the renderer needs to know about it.
public struct ModelInfo: Sendable, Hashable, Codable {
    /// The provider whose API serves it: `openai`, `anthropic`, `gemini`, `bedrock` or `llama`.
    public var provider: String
    /// The model id the provider's API takes.
    public var model: String
    /// The family it belongs to, such as `gpt-5` or `claude-sonnet`.
    public var family: String
    /// Whether it is a reasoning model: OpenAI's take `max_completion_tokens` and no sampling settings.
    public var reasoning: Bool
    /// Tokens of context it takes, where the provider publishes the figure.
    public var contextWindow: Int?
    /// The end-of-life date (`YYYY-MM-DD`) its provider announced, or nil when none is announced.
    public var deprecatedOn: String?
    /// Whether it is the model a render uses when neither the call nor the prompt names one.
    public var isDefault: Bool

    enum CodingKeys: String, CodingKey {
        case provider, model, family, reasoning
        case contextWindow = "context_window", deprecatedOn = "deprecated_on", isDefault = "default"
    }

    /// Every key is written, unknown figures as `null`, so that readers see what is not known.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(provider, forKey: .provider)
        try container.encode(model, forKey: .model)
        try container.encode(family, forKey: .family)
        try container.encode(reasoning, forKey: .reasoning)
        try container.encode(contextWindow, forKey: .contextWindow)
        try container.encode(deprecatedOn, forKey: .deprecatedOn)
        try container.encode(isDefault, forKey: .isDefault)
    }

    init(_ provider: String, _ model: String, family: String, reasoning: Bool = false, context: Int? = nil,
         deprecatedOn: String? = nil, isDefault: Bool = false) {
        self.provider = provider
        self.model = model
        self.family = family
        self.reasoning = reasoning
        self.contextWindow = context
        self.deprecatedOn = deprecatedOn
        self.isDefault = isDefault
    }
}
