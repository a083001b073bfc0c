import PromptLibCore

/// Anthropic Messages (`POST {base}/v1/messages`).
struct AnthropicWire: ProviderWire {
    static let defaultBase = "https://api.anthropic.com"
    static let version = "2023-06-01"

    func request(for call: ProviderCall, endpoint: ProviderEndpoint, stream: Bool) throws(ProviderError) -> WireRequest {
        let body = stream ? call.body.setting("stream", to: .bool(true)) : call.body
        let headers = [("Content-Type", "application/json"), ("anthropic-version", Self.version),
                       ("x-api-key", endpoint.credentials["api_key"] ?? "")]
        return WireRequest(url: Self.url(endpoint.baseURL, default: Self.defaultBase, path: "/v1/messages"), headers: headers,
                           body: try Self.encode(body))
    }

    func reply(from body: JSONValue, call: ProviderCall) throws(ProviderError) -> ProviderReply {
        guard let blocks = body["content"]?.arrayValue else { throw Self.missing("content") }
        let text = blocks.filter { $0["type"]?.stringValue == "text" }.compactMap { $0["text"]?.stringValue }
        return ProviderReply(output: text.joined(), usage: Self.usage(body["usage"]), model: body["model"]?.stringValue ?? call.model,
                             finishReason: body["stop_reason"]?.stringValue)
    }

    func errorMessage(from body: JSONValue) -> String? {
        body["error"]?["message"]?.stringValue
    }

    func read(_ event: ServerSentEvent, into progress: inout StreamProgress) throws(ProviderError) -> String? {
        let value = try json(event)
        switch value["type"]?.stringValue ?? event.event {
        case "message_start":
            progress.model = value["message"]?["model"]?.stringValue
            progress.usage = Self.usage(value["message"]?["usage"])
        case "content_block_delta":
            guard value["delta"]?["type"]?.stringValue == "text_delta", let text = value["delta"]?["text"]?.stringValue else { return nil }
            progress.text += text
            return text
        case "message_delta":
            progress.finishReason = value["delta"]?["stop_reason"]?.stringValue ?? progress.finishReason
            if let output = value["usage"]?["output_tokens"]?.intValue { progress.usage.outputTokens = output }
        case "message_stop":
            progress.finished = true
        case "error":
            let message = errorMessage(from: value) ?? "the stream reported an error"
            let overloaded = value["error"]?["type"]?.stringValue == "overloaded_error"
            throw ProviderError(kind: overloaded ? .unavailable : .rejected, message: message)
        default:
            break
        }
        return nil
    }

    static func usage(_ usage: JSONValue?) -> TokenUsage {
        TokenUsage(inputTokens: usage?["input_tokens"]?.intValue, outputTokens: usage?["output_tokens"]?.intValue)
    }
}
