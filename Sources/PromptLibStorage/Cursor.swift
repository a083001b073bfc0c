import Foundation
import PromptLibCore

/// Opaque page cursors: the sort key of the last item, base64url-encoded so clients don't parse it.
enum Cursor {
    static func encode(_ key: String) -> String {
        Data(key.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ cursor: String) throws -> String {
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard cursor.count <= 1_024, let data = Data(base64Encoded: base64), let key = String(data: data, encoding: .utf8) else {
            throw ValidationFailure(field: "cursor", message: "is not a cursor this server issued")
        }
        return key
    }

    static func decodeInt(_ cursor: String) throws -> Int {
        guard let value = Int(try decode(cursor)) else {
            throw ValidationFailure(field: "cursor", message: "is not a cursor this server issued")
        }
        return value
    }
}
