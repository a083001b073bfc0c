public import Foundation

/// Storage of login sessions and their refresh tokens (kept only as hashes).
public protocol SessionRepository: Sendable {
    /// Stores a new session with its first refresh token.
    func create(_ session: SessionRecord, tokenHash: String) async throws
    /// Retires `tokenHash` and stores `newTokenHash` in its place, or detects reuse (see ``RefreshOutcome``).
    func rotate(tokenHash: String, to newTokenHash: String, now: Date, expiresAt: Date) async throws -> RefreshOutcome
    /// Ends one session; `false` when it was not live.
    @discardableResult func revoke(id: String, reason: String, now: Date) async throws -> Bool
    /// Ends every live session of `userID` but `except`; returns how many.
    @discardableResult func revokeAll(userID: String, except: String?, reason: String, now: Date) async throws -> Int
    func find(id: String) async throws -> SessionRecord?
    /// Live sessions of `userID`, newest first.
    func live(userID: String, now: Date) async throws -> [SessionRecord]
}
