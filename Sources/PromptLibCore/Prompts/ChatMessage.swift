/// One message of an explicit chat template.
public struct ChatMessage: Sendable, Hashable, Codable {
    /// Who speaks this message.
    public enum Role: String, Sendable, Codable, CaseIterable {
        case system
        case user
        case assistant
    }

    /// The speaker.
    public var role: Role
    /// The Mustache template of the message text.
    public var content: String

    /// Creates a message.
    public init(role: Role, content: String) {
        self.role = role
        self.content = content
    }
}
