/// Meta Llama 3: the chat template as one string with its special tokens, ending with the header
/// of the assistant's turn (for `/completion`-style servers), and the OpenAI-compatible messages
/// form (`/v1/chat/completions` of vLLM, Ollama, llama.cpp) as the body.
enum LlamaPayload {
    static func template(_ messages: [ChatMessage]) -> String {
        var text = "<|begin_of_text|>"
        for message in messages {
            text += "<|start_header_id|>\(message.role.rawValue)<|end_header_id|>\n\n\(message.content)<|eot_id|>"
        }
        return text + "<|start_header_id|>assistant<|end_header_id|>\n\n"
    }

    static func build(_ input: PayloadInput, warnings: inout [String]) -> ProviderPayload {
        let settings = input.settings
        var body: [String: JSONValue] = [
            "model": .string(settings.model),
            "messages": .array(input.messages.map { .object(["role": .string($0.role.rawValue), "content": .string($0.content)]) }),
        ]
        body["temperature"] = PayloadParts.number(settings.temperature)
        body["top_p"] = PayloadParts.number(settings.topP)
        body["max_tokens"] = PayloadParts.integer(settings.maxTokens)
        if PayloadParts.wantsJSON(input.output) { body["response_format"] = .object(["type": .string("json_object")]) }
        return ProviderPayload(body: .object(PayloadParts.adding(settings.params, to: body, target: .llama, warnings: &warnings)), text: template(input.messages))
    }
}
