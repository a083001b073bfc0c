/// Google Gemini: `POST /v1beta/models/{model}:generateContent`. The model is in the URL, the
/// system prompt is `systemInstruction`, the assistant's role is `model`, and settings live in
/// `generationConfig` (where provider parameters go too).
enum GeminiPayload {
    static func build(_ input: PayloadInput) -> ProviderPayload {
        let settings = input.settings
        let (system, rest) = PayloadParts.splitSystem(input.messages)
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
            if let fields = input.output?.fields, !fields.isEmpty {
                config["responseSchema"] = PayloadParts.jsonSchema(fields, closed: false, upperCaseTypes: true)
            }
        }
        config = PayloadParts.adding(settings.params, to: config)
        var body: [String: JSONValue] = ["contents": .array(contents)]
        if let system { body["systemInstruction"] = .object(["parts": .array([.object(["text": .string(system)])])]) }
        if !config.isEmpty { body["generationConfig"] = .object(config) }
        return ProviderPayload(body: .object(body), text: nil)
    }
}
