import Foundation
import SQLKit

/// ``SessionRepository`` on any ``SQLStore``.
public struct SQLSessionRepository: SessionRepository {
    let store: any SQLStore

    /// Creates a repository on `store`.
    public init(store: any SQLStore) {
        self.store = store
    }

    static let columns = "s.id, s.user_id, s.created_at, s.last_used_at, s.expires_at, s.revoked_at, s.revoked_reason, s.ip, s.user_agent"

    public func create(_ session: SessionRecord, tokenHash: String) async throws {
        try await store.transaction { db in
            try await db.raw("""
                INSERT INTO sessions (id, user_id, created_at, last_used_at, expires_at, ip, user_agent)
                VALUES (\(bind: session.id), \(bind: session.userID), \(bind: session.createdAt), \(bind: session.lastUsedAt),
                        \(bind: session.expiresAt), \(bind: session.ip), \(bind: session.userAgent))
                """).run()
            try await db.raw("""
                INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at)
                VALUES (\(bind: tokenHash), \(bind: session.id), \(bind: session.createdAt), \(bind: session.expiresAt))
                """).run()
        }
    }

    public func rotate(tokenHash: String, to newTokenHash: String, now: Date, expiresAt: Date) async throws -> RefreshOutcome {
        try await store.transaction { db in
            guard let row = try await db.raw("""
                SELECT \(unsafeRaw: Self.columns), t.used_at AS token_used_at, t.expires_at AS token_expires_at
                FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id WHERE t.token_hash = \(bind: tokenHash)
                """).first() else { return .invalid }
            var session = try Self.record(row)
            if try row.decode(column: "token_used_at", as: Date?.self) != nil {
                // A retired token came back: someone holds a copy. End the whole family.
                if session.revokedAt == nil {
                    try await Self.revoke(db, id: session.id, reason: "refresh_token_reuse", now: now)
                    session.revokedAt = now
                    session.revokedReason = "refresh_token_reuse"
                }
                return .reused(session)
            }
            guard session.isLive(at: now), try row.decode(column: "token_expires_at", as: Date.self) > now else { return .invalid }
            // The condition on used_at makes two concurrent refreshes with one token impossible to both succeed.
            guard try await db.raw("""
                UPDATE refresh_tokens SET used_at = \(bind: now) WHERE token_hash = \(bind: tokenHash) AND used_at IS NULL
                RETURNING token_hash
                """).first() != nil else { return .invalid }
            try await db.raw("""
                INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at)
                VALUES (\(bind: newTokenHash), \(bind: session.id), \(bind: now), \(bind: expiresAt))
                """).run()
            try await db.raw("""
                UPDATE sessions SET last_used_at = \(bind: now), expires_at = \(bind: expiresAt) WHERE id = \(bind: session.id)
                """).run()
            session.lastUsedAt = now
            session.expiresAt = expiresAt
            return .rotated(session)
        }
    }

    public func revoke(id: String, reason: String, now: Date) async throws -> Bool {
        try await store.withDatabase { db in
            try await Self.revoke(db, id: id, reason: reason, now: now)
        }
    }

    @discardableResult
    static func revoke(_ db: any SQLDatabase, id: String, reason: String, now: Date) async throws -> Bool {
        try await db.raw("""
            UPDATE sessions SET revoked_at = \(bind: now), revoked_reason = \(bind: reason)
            WHERE id = \(bind: id) AND revoked_at IS NULL RETURNING id
            """).first() != nil
    }

    public func revokeAll(userID: String, except: String?, reason: String, now: Date) async throws -> Int {
        try await store.withDatabase { db in
            try await db.raw("""
                UPDATE sessions SET revoked_at = \(bind: now), revoked_reason = \(bind: reason)
                WHERE user_id = \(bind: userID) AND revoked_at IS NULL AND id <> \(bind: except ?? "") RETURNING id
                """).all().count
        }
    }

    public func find(id: String) async throws -> SessionRecord? {
        try await store.readCurrent { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM sessions s WHERE s.id = \(bind: id)").first().map(Self.record)
        }
    }

    public func live(userID: String, now: Date) async throws -> [SessionRecord] {
        try await store.withDatabase { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.columns) FROM sessions s
                WHERE s.user_id = \(bind: userID) AND s.revoked_at IS NULL AND s.expires_at > \(bind: now)
                ORDER BY s.created_at DESC
                """).all().map(Self.record)
        }
    }

    static func record(_ row: any SQLRow) throws -> SessionRecord {
        var session = SessionRecord(
            id: try row.decode(column: "id", as: String.self), userID: try row.decode(column: "user_id", as: String.self),
            now: try row.decode(column: "created_at", as: Date.self), expiresAt: try row.decode(column: "expires_at", as: Date.self),
            ip: try row.decode(column: "ip", as: String?.self), userAgent: try row.decode(column: "user_agent", as: String?.self)
        )
        session.lastUsedAt = try row.decode(column: "last_used_at", as: Date.self)
        session.revokedAt = try row.decode(column: "revoked_at", as: Date?.self)
        session.revokedReason = try row.decode(column: "revoked_reason", as: String?.self)
        return session
    }
}
