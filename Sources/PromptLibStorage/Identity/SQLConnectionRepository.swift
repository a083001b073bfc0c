import Foundation
import SQLKit

/// ``ConnectionRepository`` on any ``SQLStore``.
public struct SQLConnectionRepository: ConnectionRepository {
    let store: any SQLStore

    /// Creates a repository on `store`.
    public init(store: any SQLStore) {
        self.store = store
    }

    static let columns = "id, user_id, name, provider, base_url, default_model, credentials, credentials_hint, key_id, created_at, updated_at"

    public func create(_ c: ConnectionRecord) async throws {
        try await store.withDatabase { db in
            try await db.raw("""
                INSERT INTO connections (\(unsafeRaw: Self.columns)) VALUES (\(bind: c.id), \(bind: c.userID), \(bind: c.name),
                \(bind: c.provider), \(bind: c.baseURL), \(bind: c.defaultModel), \(bind: c.credentials), \(bind: c.credentialsHint),
                \(bind: c.keyID), \(bind: c.createdAt), \(bind: c.updatedAt))
                """).run()
        }
    }

    public func update(_ c: ConnectionRecord) async throws -> Bool {
        try await store.withDatabase { db in
            try await db.raw("""
                UPDATE connections SET name = \(bind: c.name), base_url = \(bind: c.baseURL), default_model = \(bind: c.defaultModel),
                    credentials = \(bind: c.credentials), credentials_hint = \(bind: c.credentialsHint), key_id = \(bind: c.keyID),
                    updated_at = \(bind: c.updatedAt)
                WHERE id = \(bind: c.id) RETURNING id
                """).first() != nil
        }
    }

    public func delete(id: String) async throws -> Bool {
        try await store.withDatabase { db in
            try await db.raw("DELETE FROM connections WHERE id = \(bind: id) RETURNING id").first() != nil
        }
    }

    public func find(id: String) async throws -> ConnectionRecord? {
        try await store.withDatabase { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM connections WHERE id = \(bind: id)").first().map(Self.record)
        }
    }

    public func list(userID: String?) async throws -> [ConnectionRecord] {
        try await store.withDatabase { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.columns) FROM connections
                WHERE CAST(\(bind: userID) AS TEXT) IS NULL OR user_id = \(bind: userID) ORDER BY name, id
                """).all().map(Self.record)
        }
    }

    public func sealed(notWith keyID: String, limit: Int) async throws -> [SealedSecret] {
        try await Self.sealedColumn.sealed(in: store, notWith: keyID, limit: limit)
    }

    public func reseal(id: String, expected: String, with ciphertext: String, keyID: String) async throws -> Bool {
        try await Self.sealedColumn.reseal(in: store, id: id, expected: expected, with: ciphertext, keyID: keyID)
    }

    static let sealedColumn = SealedColumn(table: "connections", column: "credentials")

    static func record(_ row: any SQLRow) throws -> ConnectionRecord {
        ConnectionRecord(
            id: try row.decode(column: "id", as: String.self), userID: try row.decode(column: "user_id", as: String.self),
            name: try row.decode(column: "name", as: String.self), provider: try row.decode(column: "provider", as: String.self),
            baseURL: try row.decode(column: "base_url", as: String?.self), defaultModel: try row.decode(column: "default_model", as: String?.self),
            credentials: try row.decode(column: "credentials", as: String.self),
            credentialsHint: try row.decode(column: "credentials_hint", as: String.self), keyID: try row.decode(column: "key_id", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self), updatedAt: try row.decode(column: "updated_at", as: Date.self)
        )
    }
}
