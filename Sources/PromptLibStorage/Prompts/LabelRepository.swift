public import Foundation
import SQLKit

/// One move of a label: who pointed it at which version, and where it pointed before.
public struct LabelMove: Sendable, Equatable {
    public var id: Int64
    public var promptID: String
    public var label: String
    public var fromVersion: Int?
    public var toVersion: Int
    public var movedBy: String
    public var movedAt: Date
    /// Whether this move removed the label (it pointed at `toVersion` until then).
    public var removed: Bool = false
}

/// Labels of prompts: each points at one version, and every move is recorded.
public protocol LabelRepository: Sendable {
    /// Points `label` at `version` and records the move, in one transaction.
    /// Returns the move, or `nil` when the version does not exist.
    func move(promptID: String, label: String, to version: Int, by username: String, now: Date) async throws -> LabelMove?
    /// Removes `label` and records the removal, in one transaction. Returns the removal, or `nil`
    /// when the label is not set.
    func remove(promptID: String, label: String, by username: String, now: Date) async throws -> LabelMove?
    /// Label → version, for each of `promptIDs`.
    func labels(of promptIDs: [String]) async throws -> [String: [String: Int]]
    /// Moves of `promptID`'s labels, newest first.
    func history(promptID: String, limit: Int, cursor: String?) async throws -> Page<LabelMove>
}

/// ``LabelRepository`` on any ``SQLStore``.
public struct SQLLabelRepository: LabelRepository {
    let store: any SQLStore

    /// Creates a repository on `store`.
    public init(store: any SQLStore) {
        self.store = store
    }

    public func move(promptID: String, label: String, to version: Int, by username: String, now: Date) async throws -> LabelMove? {
        // On PostgreSQL, locking the prompt row serialises moves of its labels, so each recorded
        // `from_version` is exact; SQLite transactions are serial already.
        let lockPrompt = store.engine == .postgres
        return try await store.transaction { db in
            if lockPrompt { try await db.raw("SELECT id FROM prompts WHERE id = \(bind: promptID) FOR UPDATE").run() }
            guard try await db.raw("""
                SELECT version FROM prompt_versions WHERE prompt_id = \(bind: promptID) AND version = \(bind: version)
                """).first() != nil else { return nil }
            let previous = try await db.raw("""
                SELECT version FROM prompt_labels WHERE prompt_id = \(bind: promptID) AND label = \(bind: label)
                """).first()?.decode(column: "version", as: Int.self)
            try await db.raw("""
                INSERT INTO prompt_labels (prompt_id, label, version, moved_by, moved_at)
                VALUES (\(bind: promptID), \(bind: label), \(bind: version), \(bind: username), \(bind: now))
                ON CONFLICT (prompt_id, label) DO UPDATE SET version = excluded.version, moved_by = excluded.moved_by,
                    moved_at = excluded.moved_at
                """).run()
            let id = try await db.raw("""
                INSERT INTO label_moves (prompt_id, label, from_version, to_version, moved_by, moved_at)
                VALUES (\(bind: promptID), \(bind: label), \(bind: previous), \(bind: version), \(bind: username), \(bind: now))
                RETURNING id
                """).first()?.decode(column: "id", as: Int64.self) ?? 0
            return LabelMove(id: id, promptID: promptID, label: label, fromVersion: previous, toVersion: version, movedBy: username, movedAt: now)
        }
    }

    public func remove(promptID: String, label: String, by username: String, now: Date) async throws -> LabelMove? {
        let lockPrompt = store.engine == .postgres
        return try await store.transaction { db in
            if lockPrompt { try await db.raw("SELECT id FROM prompts WHERE id = \(bind: promptID) FOR UPDATE").run() }
            guard let previous = try await db.raw("""
                SELECT version FROM prompt_labels WHERE prompt_id = \(bind: promptID) AND label = \(bind: label)
                """).first()?.decode(column: "version", as: Int.self) else { return nil }
            try await db.raw("DELETE FROM prompt_labels WHERE prompt_id = \(bind: promptID) AND label = \(bind: label)").run()
            let id = try await db.raw("""
                INSERT INTO label_moves (prompt_id, label, from_version, to_version, moved_by, moved_at, removed)
                VALUES (\(bind: promptID), \(bind: label), \(bind: previous), \(bind: previous), \(bind: username), \(bind: now), 1)
                RETURNING id
                """).first()?.decode(column: "id", as: Int64.self) ?? 0
            return LabelMove(id: id, promptID: promptID, label: label, fromVersion: previous, toVersion: previous, movedBy: username,
                             movedAt: now, removed: true)
        }
    }

    public func labels(of promptIDs: [String]) async throws -> [String: [String: Int]] {
        guard !promptIDs.isEmpty else { return [:] }
        return try await store.read { db in
            try await db.raw("""
                SELECT prompt_id, label, version FROM prompt_labels WHERE prompt_id IN (\(binds: promptIDs))
                """).all().reduce(into: [String: [String: Int]]()) { result, row in
                result[try row.decode(column: "prompt_id", as: String.self), default: [:]][try row.decode(column: "label", as: String.self)] =
                    try row.decode(column: "version", as: Int.self)
            }
        }
    }

    public func history(promptID: String, limit: Int, cursor: String?) async throws -> Page<LabelMove> {
        let before = try cursor.map(Cursor.decodeInt) ?? Int.max
        let rows = try await store.read { db in
            try await db.raw("""
                SELECT id, prompt_id, label, from_version, to_version, moved_by, moved_at, removed FROM label_moves
                WHERE prompt_id = \(bind: promptID) AND id < \(bind: before) ORDER BY id DESC LIMIT \(bind: limit + 1)
                """).all().map { row in
                LabelMove(
                    id: try row.decode(column: "id", as: Int64.self), promptID: try row.decode(column: "prompt_id", as: String.self),
                    label: try row.decode(column: "label", as: String.self), fromVersion: try row.decode(column: "from_version", as: Int?.self),
                    toVersion: try row.decode(column: "to_version", as: Int.self), movedBy: try row.decode(column: "moved_by", as: String.self),
                    movedAt: try row.decode(column: "moved_at", as: Date.self), removed: try row.decode(column: "removed", as: Int.self) != 0
                )
            }
        }
        let page = Array(rows.prefix(limit))
        return Page(items: page, nextCursor: rows.count > limit ? page.last.map { Cursor.encode(String($0.id)) } : nil)
    }
}
