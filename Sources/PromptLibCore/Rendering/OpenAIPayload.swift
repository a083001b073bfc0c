/// OpenAI Chat Completions: `POST /v1/chat/completions`.
enum OpenAIPayload {
    /// Reasoning models take `max_completion_tokens` and no sampling settings.
    static func isReasoningModel(_ model: String) -> Bool {
        ["o1", "o3", "o4", "gpt-5"].contains { model == $0 || model.hasPrefix($0 + "-") || model.hasPrefix($0 + ".") }
    }

    static func build(_ input: PayloadInput, warnings: inout [String]) -> ProviderPayload {
        let settings = input.settings
        var body: [String: JSONValue] = [
            "model": .string(settings.model),
            "messages": .array(input.messages.map { .object(["role": .string($0.role.rawValue), "content": .string($0.content)]) }),
        ]
        if isReasoningModel(settings.model) {
            if settings.temperature != nil || settings.topP != nil {
                warnings.append("\(settings.model) takes no temperature or top_p; they were left out")
            }
            body["max_completion_tokens"] = PayloadParts.integer(settings.maxTokens)
        } else {
            body["temperature"] = PayloadParts.number(settings.temperature)
            body["top_p"] = PayloadParts.number(settings.topP)
            body["max_tokens"] = PayloadParts.integer(settings.maxTokens)
        }
        if PayloadParts.wantsJSON(input.output) {
            let fields = input.output?.fields ?? []
            body["response_format"] = fields.isEmpty
                ? .object(["type": .string("json_object")])
                : .object([
                    "type": .string("json_schema"),
                    "json_schema": .object([
                        "name": .string(PayloadParts.schemaName(input.promptName)),
                        "strict": .bool(true),
                        "schema": PayloadParts.jsonSchema(fields, closed: true),
                    ]),
                ])
        }
        return ProviderPayload(body: .object(PayloadParts.adding(settings.params, to: body)), text: nil)
    }
}
