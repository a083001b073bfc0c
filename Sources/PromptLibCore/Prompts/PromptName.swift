/// Rules for prompt names: segments of lowercase letters, digits and `-`, joined by `/` for folders.
public enum PromptName {
    /// The longest name accepted.
    public static let maxLength = 200

    /// Returns why `name` is not a valid prompt name, or `nil` when it is.
    public static func problem(with name: String) -> String? {
        if name.isEmpty { return "must not be empty" }
        if name.unicodeScalars.count > maxLength { return "must be at most \(maxLength) characters" }
        for segment in name.split(separator: "/", omittingEmptySubsequences: false) {
            guard let first = segment.first else {
                return "must not start or end with '/' or contain '//'"
            }
            guard first.isASCIILowercaseOrDigit else {
                return "each segment must start with a lowercase letter or digit"
            }
            guard segment.allSatisfy({ $0.isASCIILowercaseOrDigit || $0 == "-" }) else {
                return "may contain only lowercase letters, digits, '-' and '/'"
            }
        }
        return nil
    }
}

extension Character {
    var isASCIILowercaseOrDigit: Bool {
        guard let ascii = asciiValue else { return false }
        return (ascii >= 97 && ascii <= 122) || (ascii >= 48 && ascii <= 57)
    }
}
