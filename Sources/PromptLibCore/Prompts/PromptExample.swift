/// A worked example shown to the model: an input and the output expected for it.
public struct PromptExample: Sendable, Hashable, Codable {
    /// The example input.
    public var input: String
    /// The output expected for `input`.
    public var output: String

    /// Creates an example.
    public init(input: String, output: String) {
        self.input = input
        self.output = output
    }
}
