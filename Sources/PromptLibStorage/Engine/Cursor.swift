import Foundation
import PromptLibCore

/// Opaque page cursors: the sort key of the last item, base64url-encoded so clients don't parse it.
public enum Cursor {
    /// The cursor for the sort key `key`.
    public static func encode(_ key: String) -> String {
        Base64URL.encode(Data(key.utf8))
    }

    /// The sort key in `cursor`; a ``ValidationFailure`` on `cursor` when this server did not issue it.
    public static func decode(_ cursor: String) throws -> String {
        guard cursor.count <= 1_024, let data = Base64URL.decode(cursor), let key = String(data: data, encoding: .utf8) else {
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
