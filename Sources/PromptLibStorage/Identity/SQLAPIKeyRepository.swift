import Foundation
import SQLKit

/// ``APIKeyRepository`` on any ``SQLStore``.
public struct SQLAPIKeyRepository: APIKeyRepository {
    let store: any SQLStore

    /// Creates a repository on `store`.
    public init(store: any SQLStore) {
        self.store = store
    }

    static let columns = "id, user_id, name, prefix, key_hash, scopes, created_at, expires_at, last_used_at, revoked_at"

    public func create(_ key: APIKeyRecord) async throws {
        let scopes = String(decoding: try JSONEncoder().encode(key.scopes), as: UTF8.self)
        try await store.withDatabase { db in
            try await db.raw("""
                INSERT INTO api_keys (id, user_id, name, prefix, key_hash, scopes, created_at, expires_at)
                VALUES (\(bind: key.id), \(bind: key.userID), \(bind: key.name), \(bind: key.prefix), \(bind: key.keyHash),
                        \(bind: scopes), \(bind: key.createdAt), \(bind: key.expiresAt))
                """).run()
        }
    }

    public func find(hash: String) async throws -> APIKeyRecord? {
        try await store.readCurrent { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM api_keys WHERE key_hash = \(bind: hash)").first().map(Self.record)
        }
    }

    public func find(id: String) async throws -> APIKeyRecord? {
        try await store.withDatabase { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM api_keys WHERE id = \(bind: id)").first().map(Self.record)
        }
    }

    public func list(userID: String?) async throws -> [APIKeyRecord] {
        try await store.withDatabase { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.columns) FROM api_keys
                WHERE CAST(\(bind: userID) AS TEXT) IS NULL OR user_id = \(bind: userID) ORDER BY created_at DESC
                """).all().map(Self.record)
        }
    }

    public func revoke(id: String, now: Date) async throws -> Bool {
        try await store.withDatabase { db in
            try await db.raw("""
                UPDATE api_keys SET revoked_at = \(bind: now) WHERE id = \(bind: id) AND revoked_at IS NULL RETURNING id
                """).first() != nil
        }
    }

    public func revokeAll(userID: String, now: Date) async throws -> Int {
        try await store.withDatabase { db in
            try await db.raw("""
                UPDATE api_keys SET revoked_at = \(bind: now) WHERE user_id = \(bind: userID) AND revoked_at IS NULL RETURNING id
                """).all().count
        }
    }

    public func touch(id: String, now: Date) async throws {
        let stale = now.addingTimeInterval(-60)
        try await store.withDatabase { db in
            try await db.raw("""
                UPDATE api_keys SET last_used_at = \(bind: now)
                WHERE id = \(bind: id) AND (last_used_at IS NULL OR last_used_at < \(bind: stale))
                """).run()
        }
    }

    static func record(_ row: any SQLRow) throws -> APIKeyRecord {
        let scopes = (try? JSONDecoder().decode([String].self, from: Data(try row.decode(column: "scopes", as: String.self).utf8))) ?? []
        var key = APIKeyRecord(
            id: try row.decode(column: "id", as: String.self), userID: try row.decode(column: "user_id", as: String.self),
            name: try row.decode(column: "name", as: String.self), prefix: try row.decode(column: "prefix", as: String.self),
            keyHash: try row.decode(column: "key_hash", as: String.self), scopes: scopes,
            createdAt: try row.decode(column: "created_at", as: Date.self), expiresAt: try row.decode(column: "expires_at", as: Date?.self)
        )
        key.lastUsedAt = try row.decode(column: "last_used_at", as: Date?.self)
        key.revokedAt = try row.decode(column: "revoked_at", as: Date?.self)
        return key
    }
}
