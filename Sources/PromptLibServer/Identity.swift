public import PromptLibCore

/// The authenticated caller of a request.
public struct Identity: Sendable, Equatable {
    public var userID: String
    public var username: String
    public var role: Role
    /// The login session the access token belongs to.
    public var sessionID: String?

    /// Creates an identity.
    public init(userID: String, username: String, role: Role, sessionID: String?) {
        self.userID = userID
        self.username = username
        self.role = role
        self.sessionID = sessionID
    }

    /// Whether this caller may act as the owner of something owned by `owner`.
    func owns(_ owner: String?) -> Bool { role == .admin || (owner != nil && owner == username) }
}
