/// The rules a new password must meet. Each failure says which rule, so users can fix it.
public enum PasswordPolicy {
    /// The shortest password accepted.
    public static let minimumLength = 12
    /// Longer inputs are refused: bcrypt reads only the first 72 bytes, and a huge input is an attack.
    public static let maximumBytes = 72

    /// Every rule `password` breaks for the account `username`; empty when it is acceptable.
    public static func problems(password: String, username: String) -> [String] {
        var problems: [String] = []
        if password.count < minimumLength {
            problems.append("must be at least \(minimumLength) characters")
        }
        if password.utf8.count > maximumBytes {
            problems.append("must be at most \(maximumBytes) bytes")
        }
        let lowered = password.lowercased()
        let name = username.lowercased()
        if !name.isEmpty && lowered.contains(name) {
            problems.append("must not contain the username")
        }
        if CommonPasswords.contains(lowered) {
            problems.append("is too common; choose one that is not on lists of leaked passwords")
        }
        return problems
    }
}
