import PromptLibCore

/// OpenAI Responses (`POST {base}/responses`), OpenAI's primary API.
struct OpenAIResponsesWire: ProviderWire {
    func request(for call: ProviderCall, endpoint: ProviderEndpoint, stream: Bool) throws(ProviderError) -> WireRequest {
        let body = stream ? call.body.setting("stream", to: .bool(true)) : call.body
        var headers = [("Content-Type", "application/json")]
        if let key = endpoint.credentials["api_key"], !key.isEmpty { headers.append(("Authorization", "Bearer \(key)")) }
        return WireRequest(url: Self.url(endpoint.baseURL, default: OpenAIChatWire.defaultBase, path: "/responses"), headers: headers,
                           body: try Self.encode(body))
    }

    func reply(from body: JSONValue, call: ProviderCall) throws(ProviderError) -> ProviderReply {
        if let failure = body["error"], failure != .null {
            throw ProviderError(kind: .rejected, message: failure["message"]?.stringValue ?? "the response failed")
        }
        guard let items = body["output"]?.arrayValue else { throw Self.missing("output") }
        // The text is every `output_text` part of every `message` item, in order.
        let texts = items.filter { $0["type"]?.stringValue == "message" }.flatMap { $0["content"]?.arrayValue ?? [] }
            .compactMap { part -> String? in
                switch part["type"]?.stringValue {
                case "output_text": part["text"]?.stringValue
                case "refusal": part["refusal"]?.stringValue
                default: nil
                }
            }
        guard !texts.isEmpty else { throw Self.missing("output text") }
        return ProviderReply(output: texts.joined(), usage: Self.usage(body["usage"]), model: body["model"]?.stringValue ?? call.model,
                             finishReason: body["status"]?.stringValue)
    }

    func errorMessage(from body: JSONValue) -> String? {
        body["error"]?["message"]?.stringValue ?? body["message"]?.stringValue
    }

    func read(_ event: ServerSentEvent, into progress: inout StreamProgress) throws(ProviderError) -> String? {
        let value = try json(event)
        switch value["type"]?.stringValue ?? event.event {
        case "response.output_text.delta":
            guard let text = value["delta"]?.stringValue else { return nil }
            progress.text += text
            return text
        case "response.completed", "response.incomplete":
            let response = value["response"]
            progress.usage = Self.usage(response?["usage"])
            progress.model = response?["model"]?.stringValue ?? progress.model
            progress.finishReason = response?["status"]?.stringValue
            progress.finished = true
            return nil
        case "response.failed":
            throw ProviderError(kind: .rejected, message: value["response"]?["error"]?["message"]?.stringValue ?? "the response failed")
        case "error":
            throw ProviderError(kind: .rejected, message: value["message"]?.stringValue ?? "the stream reported an error")
        default:
            return nil
        }
    }

    static func usage(_ usage: JSONValue?) -> TokenUsage {
        TokenUsage(inputTokens: usage?["input_tokens"]?.intValue, outputTokens: usage?["output_tokens"]?.intValue)
    }
}
