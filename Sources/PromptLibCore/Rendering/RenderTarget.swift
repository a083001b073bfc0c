/// The model APIs a prompt renders for: each takes its own request body.
public enum RenderTarget: String, Sendable, Codable, CaseIterable {
    /// OpenAI Chat Completions.
    case openai
    /// OpenAI Responses (`POST /v1/responses`), OpenAI's primary API.
    case openaiResponses = "openai_responses"
    /// Anthropic Messages.
    case anthropic
    /// Google Gemini `generateContent`.
    case gemini
    /// Amazon Bedrock Converse.
    case bedrock
    /// Meta Llama 3: the chat template as one string, and the messages form of OpenAI-compatible servers.
    case llama

    /// The provider whose models this target takes, as the ``ModelCatalogue`` names it.
    public var provider: String {
        self == .openaiResponses ? "openai" : rawValue
    }

    /// The model used when neither the call nor the prompt names one for this provider.
    public var defaultModel: String { ModelCatalogue.defaultModel(for: provider) }

    /// The largest temperature the provider accepts.
    public var maxTemperature: Double {
        switch self {
        case .openai, .openaiResponses, .gemini, .llama: 2
        case .anthropic, .bedrock: 1
        }
    }

    /// Whether a prompt's `model.provider` names this target (`openai` counts for both OpenAI APIs,
    /// `openai_compatible` as llama's messages form).
    func matches(provider: String?) -> Bool {
        guard let provider = provider?.lowercased() else { return false }
        return provider == self.provider || provider == rawValue || (self == .llama && provider == "openai_compatible")
    }
}
