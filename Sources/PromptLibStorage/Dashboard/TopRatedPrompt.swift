import SQLKit

/// A live prompt with its ratings over all versions, for the dashboard.
public struct TopRatedPrompt: Sendable, Equatable {
    public var id: String
    public var name: String
    public var title: String
    public var average: Double
    public var count: Int

    /// The `limit` live prompts with the best average rating (more ratings first on a tie).
    public static func list(on store: any SQLStore, limit: Int) async throws -> [TopRatedPrompt] {
        try await store.withDatabase { db in
            // Sums and counts are integers on both engines; the average is taken here.
            try await db.raw("""
                SELECT p.id, p.name, p.title, SUM(r.score) AS total, COUNT(*) AS ratings
                FROM prompt_ratings r JOIN prompts p ON p.id = r.prompt_id
                WHERE p.archived_at IS NULL
                GROUP BY p.id, p.name, p.title
                ORDER BY SUM(r.score) * 1.0 / COUNT(*) DESC, COUNT(*) DESC, p.name
                LIMIT \(bind: limit)
                """).all().map { row in
                let total = try row.decode(column: "total", as: Int.self)
                let count = try row.decode(column: "ratings", as: Int.self)
                return TopRatedPrompt(
                    id: try row.decode(column: "id", as: String.self), name: try row.decode(column: "name", as: String.self),
                    title: try row.decode(column: "title", as: String.self), average: Double(total) / Double(max(count, 1)), count: count
                )
            }
        }
    }
}
