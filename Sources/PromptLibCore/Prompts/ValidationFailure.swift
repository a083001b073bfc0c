/// A rule of the prompt schema that a document breaks.
public struct ValidationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Dotted path of the offending field, such as `variables[1].name`.
    public var field: String
    /// What is wrong, in words a user can act on.
    public var message: String

    /// Creates a failure.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// Every rule a document breaks, so a client can fix them all at once.
public struct ValidationFailures: Error, Sendable, Hashable {
    /// The failures, in document order; never empty.
    public var failures: [ValidationFailure]

    /// Creates the error from at least one failure.
    public init(failures: [ValidationFailure]) {
        self.failures = failures
    }
}
