/// The model a prompt is written for, and its sampling settings.
public struct ModelSettings: Sendable, Hashable, Codable {
    /// Provider identifier, such as `openai` or `anthropic`.
    public var provider: String?
    /// Model name at that provider.
    public var name: String?
    /// Sampling temperature.
    public var temperature: Double?
    /// Upper bound on generated tokens.
    public var maxTokens: Int?
    /// Nucleus sampling, 0–1.
    public var topP: Double?
    /// Provider-specific settings passed through as they are.
    public var params: [String: JSONValue]?

    enum CodingKeys: String, CodingKey {
        case provider, name, temperature, params
        case maxTokens = "max_tokens", topP = "top_p"
    }

    /// Creates model settings.
    public init(provider: String? = nil, name: String? = nil, temperature: Double? = nil, maxTokens: Int? = nil) {
        self.provider = provider
        self.name = name
        self.temperature = temperature
        self.maxTokens = maxTokens
    }
}
