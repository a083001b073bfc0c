import PromptLibCore

/// OpenAI Chat Completions (`POST {base}/chat/completions`), for OpenAI and for servers speaking
/// its API at a `base_url` (Ollama, vLLM, LM Studio, Azure-style deployments).
struct OpenAIChatWire: ProviderWire {
    static let defaultBase = "https://api.openai.com/v1"

    func request(for call: ProviderCall, endpoint: ProviderEndpoint, stream: Bool) throws(ProviderError) -> WireRequest {
        var body = call.body
        if stream {
            body = body.setting("stream", to: .bool(true)).setting("stream_options", to: .object(["include_usage": .bool(true)]))
        }
        var headers = [("Content-Type", "application/json")]
        if let key = endpoint.credentials["api_key"], !key.isEmpty { headers.append(("Authorization", "Bearer \(key)")) }
        return WireRequest(url: Self.url(endpoint.baseURL, default: Self.defaultBase, path: "/chat/completions"), headers: headers,
                           body: try Self.encode(body))
    }

    func reply(from body: JSONValue, call: ProviderCall) throws(ProviderError) -> ProviderReply {
        guard let choice = body["choices"]?[0], let message = choice["message"] else { throw Self.missing("choices[0].message") }
        let output: String
        if let content = message["content"]?.stringValue {
            output = content
        } else if let refusal = message["refusal"]?.stringValue {
            output = refusal
        } else {
            throw Self.missing("message content")
        }
        return ProviderReply(output: output, usage: Self.usage(body["usage"]), model: body["model"]?.stringValue ?? call.model,
                             finishReason: choice["finish_reason"]?.stringValue)
    }

    func errorMessage(from body: JSONValue) -> String? {
        body["error"]?["message"]?.stringValue ?? body["error"]?.stringValue ?? body["message"]?.stringValue
    }

    func read(_ event: ServerSentEvent, into progress: inout StreamProgress) throws(ProviderError) -> String? {
        if event.data == "[DONE]" {
            progress.finished = true
            return nil
        }
        let chunk = try json(event)
        if let message = errorMessage(from: chunk), chunk["error"] != nil { throw ProviderError(kind: .rejected, message: message) }
        if let model = chunk["model"]?.stringValue { progress.model = model }
        if let usage = chunk["usage"], usage != .null { progress.usage = Self.usage(usage) }
        guard let choice = chunk["choices"]?[0] else { return nil }
        if let reason = choice["finish_reason"]?.stringValue { progress.finishReason = reason }
        guard let text = choice["delta"]?["content"]?.stringValue, !text.isEmpty else { return nil }
        progress.text += text
        return text
    }

    static func usage(_ usage: JSONValue?) -> TokenUsage {
        TokenUsage(inputTokens: usage?["prompt_tokens"]?.intValue, outputTokens: usage?["completion_tokens"]?.intValue)
    }
}
