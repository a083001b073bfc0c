/// Google Gemini: `POST /v1beta/models/{model}:generateContent`. The model is in the URL, the
/// system prompt is `systemInstruction`, the assistant's role is `model`, and settings live in
/// `generationConfig` (where provider parameters go too, camelCased).
enum GeminiPayload {
    static func build(_ input: PayloadInput, warnings: inout [String]) throws(ValidationFailures) -> ProviderPayload {
        let settings = input.settings
        let (system, rest) = PayloadParts.splitSystem(input.messages)
        guard !rest.isEmpty else {
            throw PayloadParts.failure("prompt.messages", "gemini needs at least one user message; this prompt has only a system message")
        }
        let contents: [JSONValue] = PayloadParts.alternating(rest).map { message in
            .object([
                "role": .string(message.role == .assistant ? "model" : "user"),
                "parts": .array([.object(["text": .string(message.content)])]),
            ])
        }
        var config: [String: JSONValue] = [:]
        config["temperature"] = PayloadParts.number(settings.temperature)
        config["topP"] = PayloadParts.number(settings.topP)
        config["maxOutputTokens"] = PayloadParts.integer(settings.maxTokens)
        if PayloadParts.wantsJSON(input.output) {
            config["responseMimeType"] = .string("application/json")
            let fields = PayloadParts.fields(input.output)
            if !fields.isEmpty { config["responseSchema"] = PayloadParts.jsonSchema(fields, gemini: true) }
        }
        let params = Dictionary(settings.params.map { (ProviderParameters.camelCase($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        config = PayloadParts.adding(params, to: config, target: .gemini, warnings: &warnings)
        var body: [String: JSONValue] = ["contents": .array(contents)]
        if let system { body["systemInstruction"] = .object(["parts": .array([.object(["text": .string(system)])])]) }
        if !config.isEmpty { body["generationConfig"] = .object(config) }
        return ProviderPayload(body: .object(body), text: nil)
    }
}
