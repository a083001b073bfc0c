/// OpenAI Chat Completions: `POST /v1/chat/completions`.
enum OpenAIPayload {
    static func build(_ input: PayloadInput, warnings: inout [String]) -> ProviderPayload {
        let settings = input.settings
        var body: [String: JSONValue] = [
            "model": .string(settings.model),
            "messages": .array(input.messages.map { .object(["role": .string($0.role.rawValue), "content": .string($0.content)]) }),
        ]
        OpenAISampling.apply(settings, to: &body, warnings: &warnings)
        // `max_tokens` is deprecated in the SDK and refused by reasoning models; this one works for all.
        body["max_completion_tokens"] = PayloadParts.integer(settings.maxTokens)
        if PayloadParts.wantsJSON(input.output) {
            let fields = PayloadParts.fields(input.output)
            body["response_format"] = fields.isEmpty
                ? .object(["type": .string("json_object")])
                : .object([
                    "type": .string("json_schema"),
                    "json_schema": .object([
                        "name": .string(PayloadParts.schemaName(input.promptName)),
                        "strict": .bool(true),
                        "schema": PayloadParts.jsonSchema(fields),
                    ]),
                ])
        }
        return ProviderPayload(body: .object(PayloadParts.adding(settings.params, to: body, target: .openai, warnings: &warnings)), text: nil)
    }
}

/// Temperature and top_p for OpenAI's two APIs: reasoning models (``ModelCatalogue``) take neither.
enum OpenAISampling {
    static func apply(_ settings: RenderSettings, to body: inout [String: JSONValue], warnings: inout [String]) {
        if ModelCatalogue.isReasoning(openAIModel: settings.model) {
            if settings.temperature != nil || settings.topP != nil {
                warnings.append("\(settings.model) is a reasoning model and takes no temperature or top_p; they were left out")
            }
        } else {
            body["temperature"] = PayloadParts.number(settings.temperature)
            body["top_p"] = PayloadParts.number(settings.topP)
        }
    }
}
