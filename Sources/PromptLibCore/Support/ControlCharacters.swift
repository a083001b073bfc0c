import Foundation

/// The rule for control characters in text a person or a client sends: NUL and the other C0
/// controls have no meaning in a prompt, a name or a filter (and PostgreSQL cannot store NUL),
/// so they are refused everywhere; tab, line feed and carriage return are text.
public enum ControlCharacters {
    /// Why `text` is refused, or `nil` when it is acceptable.
    public static func problem(in text: some StringProtocol) -> String? {
        guard let bad = text.unicodeScalars.first(where: isRefused) else { return nil }
        return bad.value == 0 ? "contains a NUL character" : String(format: "contains the control character U+%04X", bad.value)
    }

    /// Whether `scalar` is a refused control character.
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r"
    }

    /// The path (`prompt.steps[2]`) of the first JSON string, key or value, holding a refused
    /// control character, with the problem; `nil` when there is none. Raw control bytes are
    /// invalid JSON anyway, so only `\u00XX` escapes are looked for — a scan of the bytes, and a
    /// parse only when one is there.
    public static func firstProblem(inJSON data: Data) -> (field: String, problem: String)? {
        guard mayEscapeControl(data), let value = try? JSONDecoder().decode(JSONValue.self, from: data) else { return nil }
        return firstProblem(in: value, path: "")
    }

    private static func firstProblem(in value: JSONValue, path: String) -> (field: String, problem: String)? {
        switch value {
        case .string(let text):
            return problem(in: text).map { (path, $0) }
        case .array(let items):
            for (index, item) in items.enumerated() {
                if let found = firstProblem(in: item, path: "\(path)[\(index)]") { return found }
            }
        case .object(let members):
            for (key, item) in members.sorted(by: { $0.key < $1.key }) {
                let field = path.isEmpty ? key : "\(path).\(key)"
                if let bad = problem(in: key) { return (field, "has a key that \(bad)") }
                if let found = firstProblem(in: item, path: field) { return found }
            }
        default:
            break
        }
        return nil
    }

    /// Whether the bytes hold `\u000X` or `\u001X` (case-insensitive), escaped or not: cheap and
    /// conservative, so the parse above runs only for bodies that might break the rule.
    private static func mayEscapeControl(_ data: Data) -> Bool {
        let bytes = [UInt8](data)
        guard bytes.count >= 6 else { return false }
        for index in 0...(bytes.count - 6) where bytes[index] == UInt8(ascii: "\\") && bytes[index + 1] == UInt8(ascii: "u")
            && bytes[index + 2] == UInt8(ascii: "0") && bytes[index + 3] == UInt8(ascii: "0") && (bytes[index + 4] == UInt8(ascii: "0") || bytes[index + 4] == UInt8(ascii: "1")) {
            return true
        }
        return false
    }
}
