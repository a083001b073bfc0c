import PromptLibCore

/// One line that explains an error to a person at a terminal.
public enum UserFacingError {
    public static func describe(_ error: any Error) -> String {
        switch error {
        case let error as APIError:
            // Details name each file or field at fault; a terminal shows them all.
            ([error.message] + (error.details ?? []).map { "  \($0.field.map { "\($0): " } ?? "")\($0.message)" }).joined(separator: "\n")
        case let error as ValidationFailures: error.failures.map { "\($0.field) \($0.message)" }.joined(separator: "; ")
        default: "\(error)"
        }
    }
}
