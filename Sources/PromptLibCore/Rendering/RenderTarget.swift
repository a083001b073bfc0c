/// The model APIs a prompt renders for: each takes its own request body.
public enum RenderTarget: String, Sendable, Codable, CaseIterable {
    /// OpenAI Chat Completions.
    case openai
    /// Anthropic Messages.
    case anthropic
    /// Google Gemini `generateContent`.
    case gemini
    /// Amazon Bedrock Converse.
    case bedrock
    /// Meta Llama 3: the chat template as one string, and the messages form of OpenAI-compatible servers.
    case llama

    /// The model used when neither the call nor the prompt names one for this provider.
    public var defaultModel: String {
        switch self {
        case .openai: "gpt-4o"
        case .anthropic: "claude-sonnet-4-5"
        case .gemini: "gemini-2.5-flash"
        case .bedrock: "anthropic.claude-3-5-sonnet-20240620-v1:0"
        case .llama: "llama-3.1-8b-instruct"
        }
    }

    /// The largest temperature the provider accepts.
    public var maxTemperature: Double {
        switch self {
        case .openai, .gemini, .llama: 2
        case .anthropic, .bedrock: 1
        }
    }

    /// Whether a prompt's `model.provider` names this target (`openai_compatible` counts as llama's
    /// messages form, and a prompt for Bedrock keeps its model id).
    func matches(provider: String?) -> Bool {
        guard let provider = provider?.lowercased() else { return false }
        return provider == rawValue || (self == .llama && provider == "openai_compatible")
    }
}
