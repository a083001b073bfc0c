import Foundation
import PromptLibCore

/// An HTTP request ready to send.
struct WireRequest: Sendable {
    var url: String
    var headers: [(String, String)]
    var body: Data
}

/// What a stream has said so far, beyond its text.
struct StreamProgress: Sendable {
    var text = ""
    var usage = TokenUsage()
    var model: String?
    var finishReason: String?
    /// The provider said the answer is complete.
    var finished = false

    func reply(fallbackModel: String) -> ProviderReply {
        ProviderReply(output: text, usage: usage, model: model ?? fallbackModel, finishReason: finishReason)
    }
}

/// One provider API's wire protocol: how to address and authenticate a request, and how to read
/// its answer, its errors and its stream. Transport concerns (timeouts, retries, the breaker) are
/// ``ProviderTransport``'s.
protocol ProviderWire: Sendable {
    /// The request for `call`, streaming or not.
    func request(for call: ProviderCall, endpoint: ProviderEndpoint, stream: Bool) throws(ProviderError) -> WireRequest
    /// The answer in a successful response body.
    func reply(from body: JSONValue, call: ProviderCall) throws(ProviderError) -> ProviderReply
    /// The human message in an error body, if it has one where this provider puts it.
    func errorMessage(from body: JSONValue) -> String?
    /// Folds one streamed event into `progress`; returns the text it adds. Throws for an error event.
    func read(_ event: ServerSentEvent, into progress: inout StreamProgress) throws(ProviderError) -> String?
    /// How the API frames a stream.
    var streamFraming: StreamFraming { get }
}

/// How a provider frames a streamed answer.
enum StreamFraming: Sendable {
    /// `text/event-stream` (OpenAI, Anthropic, Gemini).
    case serverSentEvents
    /// AWS's binary event stream (Bedrock).
    case awsEventStream
}

extension ProviderWire {
    var streamFraming: StreamFraming { .serverSentEvents }

    /// `data` of an event as JSON, or a malformed-stream error.
    func json(_ event: ServerSentEvent) throws(ProviderError) -> JSONValue {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(event.data.utf8)) else {
            throw ProviderError(kind: .malformed, message: "the stream sent an event that is not JSON")
        }
        return value
    }

    /// `base` (or `fallback`) with `path` appended, without doubling the slash between them. A
    /// query in the base (Azure-style `?api-version=`) stays at the end.
    static func url(_ base: String?, default fallback: String, path: String) -> String {
        let whole = base ?? fallback
        var root = whole.prefix { $0 != "?" && $0 != "#" }
        let query = whole.dropFirst(root.count).prefix { $0 != "#" }
        while root.hasSuffix("/") { root.removeLast() }
        guard !query.isEmpty else { return root + path }
        // The path may bring its own query (Gemini's `?alt=sse`): the two join with `&`.
        if let mark = path.firstIndex(of: "?") {
            return root + path[..<mark] + query + "&" + path[path.index(after: mark)...]
        }
        return root + path + query
    }

    /// The JSON of a body as bytes, keys sorted so that the same call is the same bytes (what a
    /// signature covers, and what a log or a test compares).
    static func encode(_ body: JSONValue) throws(ProviderError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do { return try encoder.encode(body) } catch {
            throw ProviderError(kind: .malformed, message: "the rendered body could not be encoded")
        }
    }

    /// A reply without its text is malformed.
    static func missing(_ what: String) -> ProviderError {
        ProviderError(kind: .malformed, message: "the answer has no \(what)")
    }
}
