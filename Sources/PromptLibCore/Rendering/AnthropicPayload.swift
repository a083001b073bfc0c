/// Anthropic Messages: `POST /v1/messages`. The system prompt is a top-level field, turns alternate
/// starting with the user's, and `max_tokens` is required.
enum AnthropicPayload {
    /// Used when neither the prompt nor the call sets `max_tokens`.
    static let defaultMaxTokens = 1024

    static func build(_ input: PayloadInput, warnings: inout [String]) throws(ValidationFailures) -> ProviderPayload {
        let settings = input.settings
        let (system, rest) = PayloadParts.splitSystem(input.messages)
        let turns = PayloadParts.alternating(rest)
        try PayloadParts.requireUserFirst(turns, provider: .anthropic)
        if settings.maxTokens == nil {
            warnings.append("anthropic requires max_tokens; \(defaultMaxTokens) was used")
        }
        if PayloadParts.wantsJSON(input.output) {
            warnings.append("anthropic has no JSON mode here; the system prompt asks for JSON")
        }
        var body: [String: JSONValue] = [
            "model": .string(settings.model),
            "max_tokens": .number(Double(settings.maxTokens ?? defaultMaxTokens)),
            "messages": .array(turns.map { .object(["role": .string($0.role.rawValue), "content": .string($0.content)]) }),
        ]
        body["system"] = system.map(JSONValue.string)
        body["temperature"] = PayloadParts.number(settings.temperature)
        // Current Claude models refuse temperature and top_p together.
        if settings.temperature != nil && settings.topP != nil {
            warnings.append("anthropic takes temperature or top_p, not both; top_p was left out")
        } else {
            body["top_p"] = PayloadParts.number(settings.topP)
        }
        return ProviderPayload(body: .object(PayloadParts.adding(settings.params, to: body)), text: nil)
    }
}
