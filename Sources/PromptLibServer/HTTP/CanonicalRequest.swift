import Foundation
import Hummingbird
import PromptLibCore

/// The request every later step sees: its path with repeated slashes collapsed (`//api/v1/x` and
/// `/api//v1/x` are `/api/v1/x`, which is what the router matches anyway), so that rate limits,
/// log masking and permissions decide on the same path the router routes. Control characters in
/// the path or the query (percent-encoded or not) are refused here, once, for every route.
enum CanonicalRequest {
    /// `request` with its path collapsed; the same request when it already was canonical.
    static func collapsed(_ request: Request) -> Request {
        let path = request.uri.path
        let canonical = collapse(path)
        guard canonical != path else { return request }
        var head = request.head
        head.path = canonical + (request.uri.query.map { "?" + $0 } ?? "")
        return Request(head: head, body: request.body)
    }

    /// Refuses control characters in the path and in query parameter names and values.
    static func checkText(of request: Request) throws {
        let path = request.uri.path
        // Printable ASCII without `%` cannot decode to a control character: only other text is read
        // closely (the common request is all printable ASCII).
        if Self.isPlainASCII(path) && Self.isPlainASCII(request.uri.query ?? "") { return }
        if let problem = ControlCharacters.problem(in: String(PercentDecoding.decode(Substring(path), plusIsSpace: false) ?? Substring(path))) {
            throw APIError.validation("The path \(problem)", field: "path")
        }
        for (name, value) in request.uri.formParameters {
            let key = String(name)
            if let problem = ControlCharacters.problem(in: key) {
                throw APIError.validation("A query parameter name \(problem)", field: "query")
            }
            if let problem = ControlCharacters.problem(in: value) {
                throw APIError.validation("The query parameter \(key) \(problem)", field: key)
            }
        }
    }

    /// Whether `text` is printable ASCII (no control character, nothing past 0x7E) without `%`.
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "%") }
    }

    /// `path` with every run of slashes made one.
    static func collapse(_ path: String) -> String {
        guard path.contains("//") else { return path }
        var out = ""
        for character in path where !(character == "/" && out.hasSuffix("/")) { out.append(character) }
        return out
    }
}
