extension Migrations {
    /// Ratings (one per user per version) and run logs.
    static let createRatingsAndRuns = Migration(version: 5, name: "create prompt_ratings and prompt_runs") { engine in
        let ts = engine.timestampType
        return [
            """
            CREATE TABLE prompt_ratings (
                prompt_id TEXT NOT NULL REFERENCES prompts(id),
                user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                version INTEGER NOT NULL,
                score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
                note TEXT,
                rated_at \(ts) NOT NULL,
                PRIMARY KEY (prompt_id, user_id, version),
                FOREIGN KEY (prompt_id, version) REFERENCES prompt_versions (prompt_id, version)
            )
            """,
            """
            CREATE TABLE prompt_runs (
                id \(engine.serialKey),
                prompt_id TEXT NOT NULL REFERENCES prompts(id),
                version INTEGER NOT NULL,
                provider TEXT,
                model TEXT,
                success \(engine.booleanType) NOT NULL,
                latency_ms INTEGER,
                input_tokens INTEGER,
                output_tokens INTEGER,
                note TEXT,
                recorded_by TEXT NOT NULL,
                recorded_at \(ts) NOT NULL,
                FOREIGN KEY (prompt_id, version) REFERENCES prompt_versions (prompt_id, version)
            )
            """,
            "CREATE INDEX prompt_runs_prompt ON prompt_runs (prompt_id, id)",
        ]
    }
}
