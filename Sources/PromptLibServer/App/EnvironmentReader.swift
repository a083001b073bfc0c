import Foundation

/// Reads configuration from an environment dictionary, including `NAME_FILE` indirection for secrets.
struct EnvironmentReader {
    let environment: [String: String]

    /// The trimmed value of `name`, or `nil` when unset or blank.
    func value(_ name: String) -> String? {
        guard let raw = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
        return raw
    }

    /// A secret from `name`, or from the file that `name_FILE` points to (Docker secrets).
    /// Setting both is ambiguous and rejected; an unreadable file or an empty secret is an error.
    func secret(_ name: String) throws(ConfigurationError) -> String? {
        let fileVariable = "\(name)_FILE"
        let direct = environment[name]
        let path = value(fileVariable)
        if direct != nil && path != nil {
            throw ConfigurationError(variable: name, message: "and \(fileVariable) are both set; set only one")
        }
        if let path {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ConfigurationError(variable: fileVariable, message: "names a file that cannot be read: \(path)")
            }
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { throw ConfigurationError(variable: fileVariable, message: "names an empty file: \(path)") }
            return text
        }
        guard let direct else { return nil }
        let trimmed = direct.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw ConfigurationError(variable: name, message: "is set but empty") }
        return trimmed
    }

    /// An integer in `range`, or `defaultValue` when unset.
    func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        guard let text = value(name) else { return defaultValue }
        guard let number = Int(text), range.contains(number) else {
            throw ConfigurationError(variable: name, message: "must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text.prefix(40))'")
        }
        return number
    }

    /// `true` or `false` (also `1`/`0`, `yes`/`no`, `on`/`off`, in any case), or `defaultValue` when unset.
    func boolean(_ name: String, default defaultValue: Bool) throws(ConfigurationError) -> Bool {
        guard let text = value(name) else { return defaultValue }
        switch text.lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw ConfigurationError(variable: name, message: "must be true or false, got '\(text.prefix(40))'")
        }
    }
}
