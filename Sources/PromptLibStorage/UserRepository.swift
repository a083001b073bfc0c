public import PromptLibCore

/// Storage of accounts.
public protocol UserRepository: Sendable {
    /// Stores a new account; ``StorageError/conflict(_:)`` when the username or email is taken.
    func create(_ user: UserRecord) async throws
    /// Writes every field of `user` back; `false` when it no longer exists.
    @discardableResult func update(_ user: UserRecord) async throws -> Bool
    /// Deletes the account and, through the schema, its sessions.
    @discardableResult func delete(id: String) async throws -> Bool
    func find(id: String) async throws -> UserRecord?
    /// The account whose username or email is `login`, case-insensitively.
    func find(login: String) async throws -> UserRecord?
    /// Accounts ordered by username.
    func list(limit: Int, cursor: String?) async throws -> Page<UserRecord>
    /// How many accounts exist at all.
    func count() async throws -> Int
    /// How many active admins exist.
    func countActiveAdmins() async throws -> Int
}
