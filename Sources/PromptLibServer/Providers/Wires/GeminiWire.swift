import Foundation
import PromptLibCore

/// Google Gemini (`POST {base}/v1beta/models/{model}:generateContent`, and
/// `:streamGenerateContent?alt=sse` to stream).
struct GeminiWire: ProviderWire {
    static let defaultBase = "https://generativelanguage.googleapis.com"

    func request(for call: ProviderCall, endpoint: ProviderEndpoint, stream: Bool) throws(ProviderError) -> WireRequest {
        let model = call.model.hasPrefix("models/") ? String(call.model.dropFirst(7)) : call.model
        let segment = PathSegment.encode(model)
        let method = stream ? ":streamGenerateContent?alt=sse" : ":generateContent"
        let headers = [("Content-Type", "application/json"), ("x-goog-api-key", endpoint.credentials["api_key"] ?? "")]
        return WireRequest(url: Self.url(endpoint.baseURL, default: Self.defaultBase, path: "/v1beta/models/\(segment)\(method)"),
                           headers: headers, body: try Self.encode(call.body))
    }

    func reply(from body: JSONValue, call: ProviderCall) throws(ProviderError) -> ProviderReply {
        var progress = StreamProgress()
        guard body["candidates"]?[0] != nil || body["promptFeedback"] != nil else { throw Self.missing("candidates") }
        try fold(body, into: &progress)
        return progress.reply(fallbackModel: call.model)
    }

    func errorMessage(from body: JSONValue) -> String? {
        body["error"]?["message"]?.stringValue ?? body[0]?["error"]?["message"]?.stringValue
    }

    func read(_ event: ServerSentEvent, into progress: inout StreamProgress) throws(ProviderError) -> String? {
        let value = try json(event)
        if let message = errorMessage(from: value) { throw ProviderError(kind: .rejected, message: message) }
        let before = progress.text.count
        try fold(value, into: &progress)
        let added = String(progress.text.dropFirst(before))
        return added.isEmpty ? nil : added
    }

    /// Adds one `GenerateContentResponse` (the whole answer, or one streamed part of it).
    private func fold(_ value: JSONValue, into progress: inout StreamProgress) throws(ProviderError) {
        if let blocked = value["promptFeedback"]?["blockReason"]?.stringValue {
            throw ProviderError(kind: .rejected, message: "the prompt was blocked (\(blocked))")
        }
        let candidate = value["candidates"]?[0]
        let parts = candidate?["content"]?["parts"]?.arrayValue ?? []
        // Thought summaries are not the answer.
        for part in parts where part["thought"] != .bool(true) {
            progress.text += part["text"]?.stringValue ?? ""
        }
        if let reason = candidate?["finishReason"]?.stringValue {
            progress.finishReason = reason
            progress.finished = true
        }
        if let usage = value["usageMetadata"] {
            progress.usage = TokenUsage(inputTokens: usage["promptTokenCount"]?.intValue, outputTokens: usage["candidatesTokenCount"]?.intValue)
        }
        progress.model = value["modelVersion"]?.stringValue ?? progress.model
    }
}
