/// The schema's history. Append only: an applied migration is never edited.
public enum Migrations {
    /// Every migration, in order.
    public static let all: [Migration] = [createPrompts, createIdentity, createKeysAndConnections, createLabels, createRatingsAndRuns, createSearch, searchHeads, createShares, accountIDs, labelRemovals, searchEverything, searchTiers, searchPrefixes, createEnhancements, createWebhooks]

    static let createPrompts = Migration(version: 1, name: "create prompts and prompt_versions") { engine in
        let ts = engine.timestampType
        return [
            """
            CREATE TABLE prompts (
                id TEXT PRIMARY KEY,
                name \(engine.nameType) NOT NULL UNIQUE,
                title TEXT NOT NULL,
                summary TEXT,
                status TEXT NOT NULL,
                owner TEXT,
                tags TEXT NOT NULL,
                latest_version INTEGER NOT NULL,
                created_at \(ts) NOT NULL,
                updated_at \(ts) NOT NULL,
                archived_at \(ts)
            )
            """,
            """
            CREATE TABLE prompt_versions (
                prompt_id TEXT NOT NULL REFERENCES prompts(id),
                version INTEGER NOT NULL,
                document TEXT NOT NULL,
                commit_message TEXT,
                author TEXT NOT NULL,
                created_at \(ts) NOT NULL,
                PRIMARY KEY (prompt_id, version)
            )
            """,
            "CREATE INDEX prompts_archived_name ON prompts (archived_at, name)",
        ]
    }
}
