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

    enum CodingKeys: String, CodingKey {
        case provider, name, temperature
        case maxTokens = "max_tokens"
    }

    /// Creates model settings.
    public init(provider: String? = nil, name: String? = nil, temperature: Double? = nil, maxTokens: Int? = nil) {
        self.provider = provider
        self.name = name
        self.temperature = temperature
        self.maxTokens = maxTokens
    }
}
