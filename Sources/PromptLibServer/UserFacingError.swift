import PromptLibCore

/// One line that explains an error to a person at a terminal.
public enum UserFacingError {
    public static func describe(_ error: any Error) -> String {
        switch error {
        case let error as APIError: error.message
        case let error as ValidationFailures: error.failures.map { "\($0.field) \($0.message)" }.joined(separator: "; ")
        default: "\(error)"
        }
    }
}
