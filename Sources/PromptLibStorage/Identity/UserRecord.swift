public import Foundation
public import PromptLibCore

/// An account as stored. `passwordHash` never leaves the server.
public struct UserRecord: Sendable, Equatable {
    public var id: String
    public var username: String
    public var email: String
    public var passwordHash: String
    public var role: Role
    public var status: UserStatus
    /// Failed password logins in the current window.
    public var failedLogins: Int
    public var failedWindowStartedAt: Date?
    /// Password login is refused until then.
    public var lockedUntil: Date?
    public var createdAt: Date
    public var updatedAt: Date
    public var lastLoginAt: Date?

    /// Creates a record for a new active account.
    public init(id: String = UUID().uuidString.lowercased(), username: String, email: String, passwordHash: String, role: Role, now: Date = Date()) {
        self.id = id
        self.username = username
        self.email = email
        self.passwordHash = passwordHash
        self.role = role
        self.status = .active
        self.failedLogins = 0
        self.createdAt = now
        self.updatedAt = now
    }
}
