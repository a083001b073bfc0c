/// Correlation ids: the client's when it is a sane token, otherwise a fresh random one.
enum RequestID {
    static let header = "X-Request-ID"

    /// Returns `candidate` when it is 1–128 characters of `[A-Za-z0-9._-]`, otherwise a new id.
    static func accept(_ candidate: String?) -> String {
        if let candidate, isSane(candidate) { return candidate }
        return generate()
    }

    static func isSane(_ value: String) -> Bool {
        guard !value.isEmpty, value.utf8.count <= 128 else { return false }
        // It is logged and echoed: one of our bearer secrets pasted here by mistake must not be.
        let lowered = value.lowercased()
        if lowered.contains("pls_") || lowered.contains("plr_") || lowered.hasPrefix("pl_") || lowered.contains("_pl_") { return false }
        return value.utf8.allSatisfy { c in
            (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 46 || c == 95 || c == 45
        }
    }

    /// 128 random bits as 32 lowercase hex characters.
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        return hex(high) + hex(low)
    }

    private static func hex(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
