public import Foundation
import PromptLibCore

/// Storage of accounts.
public protocol UserRepository: Sendable {
    /// Stores a new account; ``StorageError/conflict(_:)`` when the username or email is taken.
    func create(_ user: UserRecord) async throws
    /// Writes every field of `user` back; `false` when it no longer exists.
    @discardableResult func update(_ user: UserRecord) async throws -> Bool
    /// As ``update(_:)``, refused with ``UserWrite/lastActiveAdmin`` when `keepingAnActiveAdmin`
    /// and no other active admin would remain — decided in the same transaction, under a lock, so
    /// the rule holds however many admins change at once.
    func update(_ user: UserRecord, keepingAnActiveAdmin: Bool) async throws -> UserWrite
    /// Deletes the account and, through the schema, its sessions.
    @discardableResult func delete(id: String) async throws -> Bool
    /// As ``delete(id:)``, with the same last-admin rule as ``update(_:keepingAnActiveAdmin:)``.
    func delete(id: String, keepingAnActiveAdmin: Bool) async throws -> UserWrite
    func find(id: String) async throws -> UserRecord?
    /// The account whose username or email is `login`, case-insensitively.
    func find(login: String) async throws -> UserRecord?
    /// Accounts ordered by username.
    func list(limit: Int, cursor: String?) async throws -> Page<UserRecord>
    /// How many accounts exist at all.
    func count() async throws -> Int
    /// Atomically counts one password attempt in the window that started after `windowStart`
    /// (a new window starts at `now` otherwise) and returns the count, this attempt included.
    func countLoginAttempt(id: String, now: Date, windowStart: Date) async throws -> Int
    /// Locks password login until `until`; `false` if it was already locked then. The count stays:
    /// requests already past the lock check still see it exceeded, and its window ends before the lock.
    @discardableResult func lockLogin(id: String, until: Date, now: Date) async throws -> Bool
    /// Records a successful login: clears the count and any lock, sets `last_login_at`.
    func recordLogin(id: String, now: Date) async throws
}

/// The outcome of a change to an account that must leave an active admin.
public enum UserWrite: Sendable, Equatable {
    case done
    case notFound
    /// Refused: no other active admin would remain.
    case lastActiveAdmin
}
