/// A typed variable that a prompt's templates may reference.
public struct VariableDefinition: Sendable, Hashable, Codable {
    /// The types a variable can have.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case string, number, integer, boolean, `enum`, list, json
    }

    /// Identifier used in templates as `{{name}}`.
    public var name: String
    /// The value's type.
    public var type: Kind
    /// Whether a render must supply it.
    public var required: Bool?
    /// Human explanation.
    public var description: String?
    /// Allowed values of an `enum` variable.
    public var options: [String]?
    /// Value used when a render does not supply one.
    public var `default`: JSONValue?
    /// Whether values must be masked in logs and stored renders.
    public var sensitive: Bool?

    /// Creates a variable definition.
    public init(
        name: String, type: Kind = .string, required: Bool? = nil, description: String? = nil,
        options: [String]? = nil, default: JSONValue? = nil, sensitive: Bool? = nil
    ) {
        self.name = name
        self.type = type
        self.required = required
        self.description = description
        self.options = options
        self.default = `default`
        self.sensitive = sensitive
    }
}
