/// The model providers a connection can point at.
public enum ProviderKind: String, Sendable, Codable, CaseIterable {
    case openai
    case anthropic
    case gemini
    case bedrock
    /// Any server speaking OpenAI's API at `base_url`, such as Ollama or vLLM.
    case openaiCompatible = "openai_compatible"

    /// Credential fields that must be present.
    public var requiredCredentials: [String] {
        switch self {
        case .openai, .anthropic, .gemini: ["api_key"]
        case .bedrock: ["access_key_id", "secret_access_key", "region"]
        case .openaiCompatible: []
        }
    }

    /// Every credential field accepted.
    public var allowedCredentials: Set<String> {
        self == .openaiCompatible ? ["api_key"] : Set(requiredCredentials)
    }

    /// Whether the connection needs a `base_url`.
    public var needsBaseURL: Bool { self == .openaiCompatible }

    /// Whether a credential field is shown in clear in hints (a region is not a secret).
    public static func isPublic(_ field: String) -> Bool { field == "region" }

    /// A masked form of a secret that lets a person recognise it: `sk-…abcd`.
    public static func mask(_ value: String) -> String {
        guard value.count >= 12 else { return "…" }
        return "\(value.prefix(3))…\(value.suffix(4))"
    }
}
