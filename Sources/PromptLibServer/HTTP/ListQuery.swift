import Hummingbird
import HummingbirdCore

/// Paging parameters shared by every list endpoint: `limit` (1–200, default 50) and `cursor`.
struct ListQuery {
    static let defaultLimit = 50
    static let maxLimit = 200

    let limit: Int
    let cursor: String?

    init(_ request: Request) throws {
        let query = request.uri.formParameters
        if let text = query["limit"].map(String.init) {
            guard let value = Int(text), (1...Self.maxLimit).contains(value) else {
                throw APIError.validation("limit must be a whole number from 1 to \(Self.maxLimit)", field: "limit")
            }
            limit = value
        } else {
            limit = Self.defaultLimit
        }
        cursor = query["cursor"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `?version=N`: absent is `nil`; anything but a whole number is a `400` (``PromptService``
    /// checks the range with the label).
    static func version(in request: Request) throws -> Int? {
        try version(in: request.uri.formParameters)
    }

    /// `version` from query parameters already parsed.
    static func version(in query: FlatDictionary<Substring, Substring>) throws -> Int? {
        guard let text = query["version"].map(String.init) else { return nil }
        guard let number = Int(text) else { throw APIError.validation("version must be a positive integer", field: "version") }
        return number
    }

    /// A boolean query flag: absent is `false`; `true`/`false`/`1`/`0` are accepted.
    static func flag(_ name: String, in request: Request) throws -> Bool {
        try flag(name, in: request.uri.formParameters)
    }

    /// A boolean flag from query parameters already parsed.
    static func flag(_ name: String, in query: FlatDictionary<Substring, Substring>) throws -> Bool {
        guard let text = query[Substring(name)].map(String.init) else { return false }
        switch text.lowercased() {
        case "true", "1": return true
        case "false", "0", "": return false
        default: throw APIError.validation("\(name) must be true or false", field: name)
        }
    }
}
