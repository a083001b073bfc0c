extension Migrations {
    /// Enhancement jobs: stored so that they survive restarts and every replica sees them.
    static let createEnhancements = Migration(version: 14, name: "create enhancement_jobs") { engine in
        let ts = engine.timestampType
        return [
            """
            CREATE TABLE enhancement_jobs (
                id TEXT PRIMARY KEY,
                prompt_id TEXT NOT NULL REFERENCES prompts(id),
                base_version INTEGER NOT NULL,
                user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                connection_id TEXT,
                engine TEXT NOT NULL,
                goals TEXT NOT NULL,
                target_provider TEXT,
                status TEXT NOT NULL,
                progress INTEGER NOT NULL,
                result TEXT,
                answers TEXT,
                error TEXT,
                accepted_version INTEGER,
                attempts INTEGER NOT NULL DEFAULT 0,
                created_at \(ts) NOT NULL,
                updated_at \(ts) NOT NULL
            )
            """,
            "CREATE INDEX enhancement_jobs_status ON enhancement_jobs (status, updated_at)",
            "CREATE INDEX enhancement_jobs_prompt ON enhancement_jobs (prompt_id, created_at)",
        ]
    }
}
