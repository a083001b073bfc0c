public import PromptLibCore
import PromptLibStorage

/// The authenticated caller of a request.
public struct Identity: Sendable, Equatable {
    public var userID: String
    public var username: String
    public var role: Role
    /// The login session the access token belongs to.
    public var sessionID: String?
    /// For an API key, its id; `nil` for a signed-in person.
    public var apiKeyID: String?
    /// For an API key, what it may do; `nil` means everything the role allows.
    public var scopes: Set<APIScope>?

    /// Creates an identity.
    public init(userID: String, username: String, role: Role, sessionID: String?, apiKeyID: String? = nil, scopes: Set<APIScope>? = nil) {
        self.userID = userID
        self.username = username
        self.role = role
        self.sessionID = sessionID
        self.apiKeyID = apiKeyID
        self.scopes = scopes
    }

    /// Whether this caller may act as the owner of `prompt`: an admin, or the account whose id
    /// owns it (never decided by username: a new account may take a deleted one's name).
    func owns(_ prompt: PromptRecord) -> Bool { role == .admin || (prompt.ownerID != nil && prompt.ownerID == userID) }
}
