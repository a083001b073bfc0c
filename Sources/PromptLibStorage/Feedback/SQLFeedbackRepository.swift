import Foundation
import SQLKit

/// ``FeedbackRepository`` on any ``SQLStore``.
public struct SQLFeedbackRepository: FeedbackRepository {
    let store: any SQLStore

    /// Creates a repository on `store`.
    public init(store: any SQLStore) {
        self.store = store
    }

    public func rate(promptID: String, userID: String, version: Int, score: Int, note: String?, now: Date) async throws -> Bool {
        try await store.transaction { db in
            guard try await Self.versionExists(db, promptID, version) else { return false }
            try await db.raw("""
                INSERT INTO prompt_ratings (prompt_id, user_id, version, score, note, rated_at)
                VALUES (\(bind: promptID), \(bind: userID), \(bind: version), \(bind: score), \(bind: note), \(bind: now))
                ON CONFLICT (prompt_id, user_id, version) DO UPDATE SET score = excluded.score, note = excluded.note,
                    rated_at = excluded.rated_at
                """).run()
            return true
        }
    }

    public func ratings(promptID: String) async throws -> [RatingRecord] {
        try await store.withDatabase { db in
            try await db.raw("""
                SELECT u.username, r.version, r.score, r.note, r.rated_at FROM prompt_ratings r JOIN users u ON u.id = r.user_id
                WHERE r.prompt_id = \(bind: promptID) ORDER BY r.rated_at DESC, u.username
                """).all().map { row in
                RatingRecord(
                    username: try row.decode(column: "username", as: String.self), version: try row.decode(column: "version", as: Int.self),
                    score: try row.decode(column: "score", as: Int.self), note: try row.decode(column: "note", as: String?.self),
                    ratedAt: try row.decode(column: "rated_at", as: Date.self)
                )
            }
        }
    }

    public func record(_ run: RunRecord) async throws -> Bool {
        try await store.transaction { db in
            guard try await Self.versionExists(db, run.promptID, run.version) else { return false }
            try await db.raw("""
                INSERT INTO prompt_runs (prompt_id, version, provider, model, success, latency_ms, input_tokens, output_tokens, note,
                    recorded_by, recorded_at)
                VALUES (\(bind: run.promptID), \(bind: run.version), \(bind: run.provider), \(bind: run.model), \(bind: run.success),
                    \(bind: run.latencyMs), \(bind: run.inputTokens), \(bind: run.outputTokens), \(bind: run.note),
                    \(bind: run.recordedBy), \(bind: run.recordedAt))
                """).run()
            return true
        }
    }

    public func runs(promptID: String, limit: Int, cursor: String?) async throws -> Page<RunRecord> {
        let before = try cursor.map(Cursor.decodeInt) ?? Int.max
        let rows = try await store.withDatabase { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.runColumns) FROM prompt_runs WHERE prompt_id = \(bind: promptID) AND id < \(bind: before)
                ORDER BY id DESC LIMIT \(bind: limit + 1)
                """).all().map(Self.run)
        }
        let page = Array(rows.prefix(limit))
        return Page(items: page, nextCursor: rows.count > limit ? page.last?.id.map { Cursor.encode(String($0)) } : nil)
    }

    public func runFigures(promptID: String) async throws -> [RunRecord] {
        try await store.withDatabase { db in
            try await db.raw("SELECT \(unsafeRaw: Self.runColumns) FROM prompt_runs WHERE prompt_id = \(bind: promptID)").all().map(Self.run)
        }
    }

    static let runColumns = "id, prompt_id, version, provider, model, success, latency_ms, input_tokens, output_tokens, note, recorded_by, recorded_at"

    static func versionExists(_ db: any SQLDatabase, _ promptID: String, _ version: Int) async throws -> Bool {
        try await db.raw("""
            SELECT version FROM prompt_versions WHERE prompt_id = \(bind: promptID) AND version = \(bind: version)
            """).first() != nil
    }

    static func run(_ row: any SQLRow) throws -> RunRecord {
        var run = RunRecord(
            promptID: try row.decode(column: "prompt_id", as: String.self), version: try row.decode(column: "version", as: Int.self),
            provider: try row.decode(column: "provider", as: String?.self), model: try row.decode(column: "model", as: String?.self),
            success: try row.decode(column: "success", as: Bool.self), latencyMs: try row.decode(column: "latency_ms", as: Int?.self),
            inputTokens: try row.decode(column: "input_tokens", as: Int?.self), outputTokens: try row.decode(column: "output_tokens", as: Int?.self),
            note: try row.decode(column: "note", as: String?.self), recordedBy: try row.decode(column: "recorded_by", as: String.self),
            recordedAt: try row.decode(column: "recorded_at", as: Date.self)
        )
        run.id = try row.decode(column: "id", as: Int64.self)
        return run
    }
}
