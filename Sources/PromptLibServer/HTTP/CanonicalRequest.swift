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
        // A refused character is a C0 control: a raw byte below 0x20, or `%0X`/`%1X` (UTF-8 never
        // spells one inside a longer sequence). Only text holding one is decoded and read closely.
        guard Self.mayHoldControl(path) || Self.mayHoldControl(request.uri.query ?? "") else { return }
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

    /// Whether `text` holds a byte below 0x20 or a `%` escape of one (`%00`…`%1F`).
    static func mayHoldControl(_ text: String) -> Bool {
        var escape = 0  // bytes since a `%`: 1 after it, 2 after a `0` or `1` following it
        for byte in text.utf8 {
            if byte < 0x20 { return true }
            switch escape {
            case 1: escape = byte == UInt8(ascii: "0") || byte == UInt8(ascii: "1") ? 2 : 0
            case 2: if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20) { return true } else { escape = 0 }
            default: break
            }
            if byte == UInt8(ascii: "%") { escape = 1 }
        }
        return false
    }

    /// `path` with every run of slashes made one.
    static func collapse(_ path: String) -> String {
        // A scan of the bytes: `contains("//")` would go through Foundation on every request.
        var previous: UInt8 = 0
        guard path.utf8.contains(where: { byte in
            defer { previous = byte }
            return byte == UInt8(ascii: "/") && previous == byte
        }) else { return path }
        var out = ""
        for character in path where !(character == "/" && out.hasSuffix("/")) { out.append(character) }
        return out
    }
}
