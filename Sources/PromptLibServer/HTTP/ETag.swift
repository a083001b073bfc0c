import Foundation

/// Version ETags: `"v3"` names version 3. `If-Match` takes that, or a bare number.
enum ETag {
    static func make(_ version: Int?) -> String { "\"v\(version ?? 0)\"" }

    /// The version an `If-Match` value names.
    static func version(_ header: String) throws -> Int {
        var text = header.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("W/") { text.removeFirst(2) }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        if text.hasPrefix("v") { text.removeFirst() }
        guard let version = Int(text), version >= 1 else {
            throw APIError(.badRequest, .validationError, "If-Match must be an ETag this server sent, such as \"v3\"", field: "If-Match")
        }
        return version
    }
}
