/// OpenAI Responses: `POST /v1/responses`. System messages become `instructions`, the other turns
/// `input` message items; structured output is `text.format`; a portable `reasoning_effort`
/// parameter becomes `reasoning.effort`.
enum OpenAIResponsesPayload {
    static func build(_ input: PayloadInput, warnings: inout [String]) -> ProviderPayload {
        var settings = input.settings
        let (system, turns) = PayloadParts.splitSystem(input.messages)
        var body: [String: JSONValue] = [
            "model": .string(settings.model),
            "input": .array(turns.map { message in
                .object(["type": .string("message"), "role": .string(message.role.rawValue), "content": .string(message.content)])
            }),
        ]
        body["instructions"] = system.map(JSONValue.string)
        OpenAISampling.apply(settings, to: &body, warnings: &warnings)
        body["max_output_tokens"] = PayloadParts.integer(settings.maxTokens)
        if let effort = settings.params.removeValue(forKey: "reasoning_effort") {
            if case .object(var reasoning) = settings.params["reasoning"] ?? .object([:]) {
                reasoning["effort"] = reasoning["effort"] ?? effort
                settings.params["reasoning"] = .object(reasoning)
            }
        }
        if PayloadParts.wantsJSON(input.output) {
            let fields = PayloadParts.fields(input.output)
            let format: JSONValue = fields.isEmpty
                ? .object(["type": .string("json_object")])
                : .object([
                    "type": .string("json_schema"),
                    "name": .string(PayloadParts.schemaName(input.promptName)),
                    "strict": .bool(true),
                    "schema": PayloadParts.jsonSchema(fields),
                ])
            var text: [String: JSONValue] = [:]
            if case .object(let given) = settings.params.removeValue(forKey: "text") ?? .object([:]) { text = given }
            text["format"] = format
            body["text"] = .object(text)
        }
        return ProviderPayload(body: .object(PayloadParts.adding(settings.params, to: body, target: .openaiResponses, warnings: &warnings)), text: nil)
    }
}
