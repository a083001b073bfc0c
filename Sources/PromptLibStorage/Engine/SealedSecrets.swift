import SQLKit

/// A secret sealed with `ENCRYPTION_KEY`, as key rotation sees it.
public struct SealedSecret: Sendable, Equatable {
    public let id: String
    public let ciphertext: String

    public init(id: String, ciphertext: String) {
        self.id = id
        self.ciphertext = ciphertext
    }
}

/// A table of sealed secrets that `promptlib keys rotate` re-encrypts: connections' credentials
/// and webhooks' signing secrets.
public protocol SealedSecrets: Sendable {
    /// Rows sealed with a key other than `keyID`.
    func sealed(notWith keyID: String, limit: Int) async throws -> [SealedSecret]
    /// Replaces a row's ciphertext if it is still `expected`; false when it changed meanwhile.
    func reseal(id: String, expected: String, with ciphertext: String, keyID: String) async throws -> Bool
}

/// The ``SealedSecrets`` queries of one table: its sealed column and the `key_id` beside it.
struct SealedColumn: Sendable {
    let table: String
    let column: String

    func sealed(in store: any SQLStore, notWith keyID: String, limit: Int) async throws -> [SealedSecret] {
        let (table, column) = (table, column)
        return try await store.withDatabase { db in
            try await db.raw("""
                SELECT id, \(unsafeRaw: column) AS sealed FROM \(unsafeRaw: table) WHERE key_id <> \(bind: keyID) ORDER BY id LIMIT \(bind: limit)
                """).all().map {
                SealedSecret(id: try $0.decode(column: "id", as: String.self), ciphertext: try $0.decode(column: "sealed", as: String.self))
            }
        }
    }

    func reseal(in store: any SQLStore, id: String, expected: String, with ciphertext: String, keyID: String) async throws -> Bool {
        let (table, column) = (table, column)
        return try await store.withDatabase { db in
            try await db.raw("""
                UPDATE \(unsafeRaw: table) SET \(unsafeRaw: column) = \(bind: ciphertext), key_id = \(bind: keyID)
                WHERE id = \(bind: id) AND \(unsafeRaw: column) = \(bind: expected) RETURNING id
                """).first() != nil
        }
    }
}
