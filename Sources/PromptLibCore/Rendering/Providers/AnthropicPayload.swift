/// Anthropic Messages: `POST /v1/messages`. The system prompt is a top-level field, turns alternate
/// starting with the user's, and `max_tokens` is required. The current API (anthropic SDK 2.x)
/// takes no sampling settings; structured output is `output_config.format`.
enum AnthropicPayload {
    /// Used when neither the prompt nor the call sets `max_tokens`.
    static let defaultMaxTokens = 1024

    static func build(_ input: PayloadInput, warnings: inout [String]) throws(ValidationFailures) -> ProviderPayload {
        var settings = input.settings
        let (system, rest) = PayloadParts.splitSystem(input.messages)
        let turns = PayloadParts.alternating(rest)
        try PayloadParts.requireUserFirst(turns, provider: .anthropic)
        if settings.maxTokens == nil {
            warnings.append("anthropic requires max_tokens; \(defaultMaxTokens) was used")
        }
        if settings.temperature != nil || settings.topP != nil {
            warnings.append("anthropic's Messages API takes no temperature or top_p; they were left out")
        }
        var body: [String: JSONValue] = [
            "model": .string(settings.model),
            "max_tokens": .number(Double(settings.maxTokens ?? defaultMaxTokens)),
            "messages": .array(turns.map { .object(["role": .string($0.role.rawValue), "content": .string($0.content)]) }),
        ]
        body["system"] = system.map(JSONValue.string)
        if PayloadParts.wantsJSON(input.output) {
            let fields = PayloadParts.fields(input.output)
            if fields.isEmpty {
                warnings.append("anthropic's structured output needs a schema; with no output.fields the system prompt asks for JSON")
            } else {
                var config: [String: JSONValue] = [:]
                if case .object(let given) = settings.params.removeValue(forKey: "output_config") ?? .object([:]) { config = given }
                config["format"] = .object(["type": .string("json_schema"), "schema": PayloadParts.jsonSchema(fields)])
                body["output_config"] = .object(config)
            }
        }
        return ProviderPayload(body: .object(PayloadParts.adding(settings.params, to: body, target: .anthropic, warnings: &warnings)), text: nil)
    }
}
