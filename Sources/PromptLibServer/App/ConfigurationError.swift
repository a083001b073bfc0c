/// A configuration problem, reported as one line naming the variable. Never contains a secret value.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The environment variable at fault.
    public var variable: String
    /// What is wrong with it.
    public var message: String

    /// Creates an error.
    public init(variable: String, message: String) {
        self.variable = variable
        self.message = message
    }

    public var description: String { "configuration error: \(variable) \(message)" }
}
