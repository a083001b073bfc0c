public import Foundation

/// One login: a family of refresh tokens, each used once to get the next.
public struct SessionRecord: Sendable, Equatable {
    public var id: String
    public var userID: String
    public var createdAt: Date
    public var lastUsedAt: Date
    public var expiresAt: Date
    public var revokedAt: Date?
    public var revokedReason: String?
    public var ip: String?
    public var userAgent: String?

    /// Creates a new live session.
    public init(id: String = UUID().uuidString.lowercased(), userID: String, now: Date, expiresAt: Date, ip: String?, userAgent: String?) {
        self.id = id
        self.userID = userID
        self.createdAt = now
        self.lastUsedAt = now
        self.expiresAt = expiresAt
        self.ip = ip
        self.userAgent = userAgent
    }

    /// Whether the session can still be used at `now`.
    public func isLive(at now: Date) -> Bool { revokedAt == nil && expiresAt > now }
}

/// What presenting a refresh token led to.
public enum RefreshOutcome: Sendable, Equatable {
    /// The token was live: it is retired and the new one stored.
    case rotated(SessionRecord)
    /// The token had already been used: the whole session was revoked.
    case reused(SessionRecord)
    /// Unknown, expired, or its session was ended.
    case invalid
}
