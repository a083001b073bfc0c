import PromptLibCore

/// A connection ready to call: its provider, where it lives, and its credentials in clear. Made
/// just before a call and never stored, logged or returned.
struct ProviderEndpoint: Sendable {
    /// The connection's id: its circuit breaker is keyed by it.
    let connectionID: String
    let kind: ProviderKind
    let baseURL: String?
    let credentials: [String: String]
    let defaultModel: String?

    /// The API a call goes to: OpenAI connections use Responses unless Chat Completions is asked
    /// for; OpenAI-compatible servers speak Chat Completions. Another is a `400` on `api`.
    func target(requested: String?) throws(APIError) -> RenderTarget {
        let allowed: [RenderTarget] = switch kind {
        case .openai: [.openaiResponses, .openai]
        case .openaiCompatible: [.openai]
        case .anthropic: [.anthropic]
        case .gemini: [.gemini]
        case .bedrock: [.bedrock]
        }
        guard let requested else { return allowed[0] }
        guard let target = RenderTarget(rawValue: requested.lowercased()), allowed.contains(target) else {
            throw APIError.validation("api must be one of: " + allowed.map(\.rawValue).joined(separator: ", ") + " for this connection", field: "api")
        }
        return target
    }

    /// The secret values, so that errors can be scrubbed of them.
    var secrets: [String] {
        credentials.filter { !ProviderKind.isPublic($0.key) }.map(\.value).filter { $0.count >= 4 }
    }
}
