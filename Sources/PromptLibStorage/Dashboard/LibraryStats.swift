import Foundation
import SQLKit

/// The dashboard's counts of a library, read in one query.
public struct LibraryStats: Sendable, Equatable {
    /// Live (not archived) prompts.
    public var prompts: Int
    /// Versions written since the start of the window.
    public var versionsInWindow: Int
    /// Ratings ever given.
    public var ratings: Int
    /// Accounts with a session used since the start of the window.
    public var activeUsers: Int

    /// Counts on `store` for the window that began at `since`.
    public static func count(on store: any SQLStore, since: Date) async throws -> LibraryStats {
        try await store.withDatabase { db in
            let row = try await db.raw("""
                SELECT (SELECT COUNT(*) FROM prompts WHERE archived_at IS NULL) AS prompts,
                    (SELECT COUNT(*) FROM prompt_versions WHERE created_at >= \(bind: since)) AS versions,
                    (SELECT COUNT(*) FROM prompt_ratings) AS ratings,
                    (SELECT COUNT(DISTINCT user_id) FROM sessions WHERE last_used_at >= \(bind: since)) AS active_users
                """).first()
            guard let row else { return LibraryStats(prompts: 0, versionsInWindow: 0, ratings: 0, activeUsers: 0) }
            return LibraryStats(
                prompts: try row.decode(column: "prompts", as: Int.self), versionsInWindow: try row.decode(column: "versions", as: Int.self),
                ratings: try row.decode(column: "ratings", as: Int.self), activeUsers: try row.decode(column: "active_users", as: Int.self)
            )
        }
    }
}
