/// Amazon Bedrock Converse: `POST /model/{modelId}/converse`. The model id is in the URL; system
/// and message texts are content blocks; settings are `inferenceConfig`; provider parameters go to
/// `additionalModelRequestFields`.
enum BedrockPayload {
    static func build(_ input: PayloadInput, warnings: inout [String]) throws(ValidationFailures) -> ProviderPayload {
        let settings = input.settings
        let (system, rest) = PayloadParts.splitSystem(input.messages)
        let turns = PayloadParts.alternating(rest)
        try PayloadParts.requireUserFirst(turns, provider: .bedrock)
        if PayloadParts.wantsJSON(input.output) {
            warnings.append("bedrock's Converse API has no JSON mode; the system prompt asks for JSON")
        }
        var body: [String: JSONValue] = [
            "messages": .array(turns.map { message in
                .object(["role": .string(message.role.rawValue), "content": .array([.object(["text": .string(message.content)])])])
            }),
        ]
        if let system { body["system"] = .array([.object(["text": .string(system)])]) }
        var config: [String: JSONValue] = [:]
        config["maxTokens"] = PayloadParts.integer(settings.maxTokens)
        config["temperature"] = PayloadParts.number(settings.temperature)
        config["topP"] = PayloadParts.number(settings.topP)
        if !config.isEmpty { body["inferenceConfig"] = .object(config) }
        if !settings.params.isEmpty { body["additionalModelRequestFields"] = .object(settings.params) }
        return ProviderPayload(body: .object(body), text: nil)
    }
}
