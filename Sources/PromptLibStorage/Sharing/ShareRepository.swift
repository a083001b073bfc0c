import Foundation
import SQLKit

/// Storage of share links.
public protocol ShareRepository: Sendable {
    func create(_ share: ShareRecord) async throws
    /// The links of a prompt, newest first.
    func list(promptID: String) async throws -> [ShareRecord]
    func find(tokenHash: String) async throws -> ShareRecord?
    func find(id: String) async throws -> ShareRecord?
    /// Revokes a live link; false when there was none to revoke.
    func revoke(id: String, at now: Date) async throws -> Bool
    /// Counts one view if the link is still live (not revoked, not expired, views left), in one
    /// statement so concurrent views never exceed the limit; returns the new count, or `nil`.
    func recordView(id: String, at now: Date) async throws -> Int?
}

/// ``ShareRepository`` on any ``SQLStore``.
public struct SQLShareRepository: ShareRepository {
    let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    static let columns = "id, prompt_id, token_hash, created_by, created_by_id, version, label, password_hash, max_views, views, expires_at, revoked_at, created_at"

    public func create(_ share: ShareRecord) async throws {
        try await store.withDatabase { db in
            try await db.raw("""
                INSERT INTO prompt_shares (\(unsafeRaw: Self.columns))
                VALUES (\(bind: share.id), \(bind: share.promptID), \(bind: share.tokenHash), \(bind: share.createdBy), \(bind: share.createdByID), \(bind: share.version),
                        \(bind: share.label), \(bind: share.passwordHash), \(bind: share.maxViews), \(bind: share.views),
                        \(bind: share.expiresAt), \(bind: share.revokedAt), \(bind: share.createdAt))
                """).run()
        }
    }

    public func list(promptID: String) async throws -> [ShareRecord] {
        try await store.withDatabase { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.columns) FROM prompt_shares WHERE prompt_id = \(bind: promptID) ORDER BY created_at DESC, id
                """).all().map(Self.record)
        }
    }

    public func find(tokenHash: String) async throws -> ShareRecord? {
        try await store.withDatabase { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM prompt_shares WHERE token_hash = \(bind: tokenHash)").first().map(Self.record)
        }
    }

    public func find(id: String) async throws -> ShareRecord? {
        try await store.withDatabase { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM prompt_shares WHERE id = \(bind: id)").first().map(Self.record)
        }
    }

    public func revoke(id: String, at now: Date) async throws -> Bool {
        try await store.withDatabase { db in
            try await db.raw("""
                UPDATE prompt_shares SET revoked_at = \(bind: now) WHERE id = \(bind: id) AND revoked_at IS NULL RETURNING id
                """).first() != nil
        }
    }

    public func recordView(id: String, at now: Date) async throws -> Int? {
        try await store.withDatabase { db in
            try await db.raw("""
                UPDATE prompt_shares SET views = views + 1
                WHERE id = \(bind: id) AND revoked_at IS NULL AND expires_at > \(bind: now) AND (max_views IS NULL OR views < max_views)
                RETURNING views
                """).first()?.decode(column: "views", as: Int.self)
        }
    }

    static func record(_ row: any SQLRow) throws -> ShareRecord {
        ShareRecord(
            id: try row.decode(column: "id", as: String.self),
            promptID: try row.decode(column: "prompt_id", as: String.self),
            tokenHash: try row.decode(column: "token_hash", as: String.self),
            createdBy: try row.decode(column: "created_by", as: String.self),
            createdByID: try row.decode(column: "created_by_id", as: String?.self),
            version: try row.decode(column: "version", as: Int?.self),
            label: try row.decode(column: "label", as: String?.self),
            passwordHash: try row.decode(column: "password_hash", as: String?.self),
            maxViews: try row.decode(column: "max_views", as: Int?.self),
            views: try row.decode(column: "views", as: Int.self),
            expiresAt: try row.decode(column: "expires_at", as: Date.self),
            revokedAt: try row.decode(column: "revoked_at", as: Date?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self)
        )
    }
}
