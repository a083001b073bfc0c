import Foundation
import SQLKit

/// ``EnhancementRepository`` on any ``SQLStore``.
public struct SQLEnhancementRepository: EnhancementRepository {
    let store: any SQLStore

    /// Creates a repository on `store`.
    public init(store: any SQLStore) {
        self.store = store
    }

    static let columns = """
        id, prompt_id, base_version, user_id, connection_id, engine, goals, target_provider, status, progress, result, answers, error,
        accepted_version, attempts, created_at, updated_at
        """

    public func create(_ j: EnhancementRecord) async throws {
        try await store.withDatabase { db in
            try await db.raw("""
                INSERT INTO enhancement_jobs (\(unsafeRaw: Self.columns)) VALUES (\(bind: j.id), \(bind: j.promptID), \(bind: j.baseVersion),
                \(bind: j.userID), \(bind: j.connectionID), \(bind: j.engine), \(bind: j.goals), \(bind: j.targetProvider), \(bind: j.status),
                \(bind: j.progress), \(bind: j.result), \(bind: j.answers), \(bind: j.error), \(bind: j.acceptedVersion), \(bind: j.attempts),
                \(bind: j.createdAt), \(bind: j.updatedAt))
                """).run()
        }
    }

    public func find(id: String) async throws -> EnhancementRecord? {
        // From the primary: a job is polled right after it changes, possibly on another replica.
        try await store.readCurrent { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM enhancement_jobs WHERE id = \(bind: id)").first().map(Self.record)
        }
    }

    public func update(_ j: EnhancementRecord, expecting expected: [String], attempts: Int?) async throws -> Bool {
        try await store.withDatabase { db in
            var query = SQLQueryString("""
                UPDATE enhancement_jobs SET status = \(bind: j.status), progress = \(bind: j.progress), result = \(bind: j.result),
                    answers = \(bind: j.answers), error = \(bind: j.error), accepted_version = \(bind: j.acceptedVersion),
                    attempts = \(bind: j.attempts), updated_at = \(bind: j.updatedAt)
                WHERE id = \(bind: j.id) AND status IN (
                """)
            for (index, status) in expected.enumerated() {
                query.appendInterpolation(unsafeRaw: index == 0 ? "" : ", ")
                query.appendInterpolation(bind: status)
            }
            query.appendInterpolation(unsafeRaw: ")")
            if let attempts {
                query.appendInterpolation(unsafeRaw: " AND attempts = ")
                query.appendInterpolation(bind: attempts)
            }
            query.appendInterpolation(unsafeRaw: " RETURNING id")
            return try await db.raw(query).first() != nil
        }
    }

    public func touch(id: String, attempts: Int, at: Date) async throws -> Bool {
        try await store.withDatabase { db in
            try await db.raw("""
                UPDATE enhancement_jobs SET updated_at = \(bind: at)
                WHERE id = \(bind: id) AND status = 'analyzing' AND attempts = \(bind: attempts) RETURNING id
                """).first() != nil
        }
    }

    public func stale(statuses: [String], before: Date, limit: Int) async throws -> [EnhancementRecord] {
        try await store.withDatabase { db in
            var query = SQLQueryString("SELECT \(unsafeRaw: Self.columns) FROM enhancement_jobs WHERE updated_at < \(bind: before) AND status IN (")
            for (index, status) in statuses.enumerated() {
                query.appendInterpolation(unsafeRaw: index == 0 ? "" : ", ")
                query.appendInterpolation(bind: status)
            }
            query.appendInterpolation(unsafeRaw: ") ORDER BY updated_at LIMIT ")
            query.appendInterpolation(bind: limit)
            return try await db.raw(query).all().map(Self.record)
        }
    }

    static func record(_ row: any SQLRow) throws -> EnhancementRecord {
        EnhancementRecord(
            id: try row.decode(column: "id", as: String.self), promptID: try row.decode(column: "prompt_id", as: String.self),
            baseVersion: try row.decode(column: "base_version", as: Int.self), userID: try row.decode(column: "user_id", as: String.self),
            connectionID: try row.decode(column: "connection_id", as: String?.self), engine: try row.decode(column: "engine", as: String.self),
            goals: try row.decode(column: "goals", as: String.self), targetProvider: try row.decode(column: "target_provider", as: String?.self),
            status: try row.decode(column: "status", as: String.self), progress: try row.decode(column: "progress", as: Int.self),
            result: try row.decode(column: "result", as: String?.self), answers: try row.decode(column: "answers", as: String?.self),
            error: try row.decode(column: "error", as: String?.self), acceptedVersion: try row.decode(column: "accepted_version", as: Int?.self),
            attempts: try row.decode(column: "attempts", as: Int.self),
            createdAt: try row.decode(column: "created_at", as: Date.self), updatedAt: try row.decode(column: "updated_at", as: Date.self)
        )
    }
}
