/// The shape of the answer a prompt asks for.
public struct OutputSpec: Sendable, Hashable, Codable {
    /// Output format, such as `text`, `markdown` or `json`.
    public var format: String?
    /// Fields expected in a structured answer.
    public var fields: [String]?

    /// Creates an output specification.
    public init(format: String? = nil, fields: [String]? = nil) {
        self.format = format
        self.fields = fields
    }
}
