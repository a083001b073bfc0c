public import Foundation
import SQLKit

/// A user the owner allowed to write a prompt.
public struct CollaboratorRecord: Sendable, Equatable {
    public var userID: String
    public var username: String
    public var addedBy: String
    public var addedAt: Date
}

/// Who besides the owner may write each prompt.
public protocol CollaboratorRepository: Sendable {
    /// Adds (or keeps) `userID` on `promptID`.
    func add(promptID: String, userID: String, addedBy: String, now: Date) async throws
    @discardableResult func remove(promptID: String, userID: String) async throws -> Bool
    func list(promptID: String) async throws -> [CollaboratorRecord]
    func isCollaborator(promptID: String, userID: String) async throws -> Bool
}

/// ``CollaboratorRepository`` on any ``SQLStore``.
public struct SQLCollaboratorRepository: CollaboratorRepository {
    let store: any SQLStore

    /// Creates a repository on `store`.
    public init(store: any SQLStore) {
        self.store = store
    }

    public func add(promptID: String, userID: String, addedBy: String, now: Date) async throws {
        try await store.withDatabase { db in
            try await db.raw("""
                INSERT INTO prompt_collaborators (prompt_id, user_id, added_by, added_at)
                VALUES (\(bind: promptID), \(bind: userID), \(bind: addedBy), \(bind: now))
                ON CONFLICT (prompt_id, user_id) DO NOTHING
                """).run()
        }
    }

    public func remove(promptID: String, userID: String) async throws -> Bool {
        try await store.withDatabase { db in
            try await db.raw("""
                DELETE FROM prompt_collaborators WHERE prompt_id = \(bind: promptID) AND user_id = \(bind: userID) RETURNING user_id
                """).first() != nil
        }
    }

    public func list(promptID: String) async throws -> [CollaboratorRecord] {
        try await store.withDatabase { db in
            try await db.raw("""
                SELECT c.user_id, u.username, c.added_by, c.added_at FROM prompt_collaborators c JOIN users u ON u.id = c.user_id
                WHERE c.prompt_id = \(bind: promptID) ORDER BY u.username
                """).all().map { row in
                CollaboratorRecord(
                    userID: try row.decode(column: "user_id", as: String.self), username: try row.decode(column: "username", as: String.self),
                    addedBy: try row.decode(column: "added_by", as: String.self), addedAt: try row.decode(column: "added_at", as: Date.self)
                )
            }
        }
    }

    public func isCollaborator(promptID: String, userID: String) async throws -> Bool {
        try await store.withDatabase { db in
            try await db.raw("""
                SELECT 1 AS found FROM prompt_collaborators WHERE prompt_id = \(bind: promptID) AND user_id = \(bind: userID)
                """).first() != nil
        }
    }
}
