extension Migrations {
    /// Share links: a public, read-only view of one prompt, by an unguessable token kept as a hash.
    static let createShares = Migration(version: 8, name: "create prompt_shares") { engine in
        let ts = engine.timestampType
        return [
            """
            CREATE TABLE prompt_shares (
                id TEXT PRIMARY KEY,
                prompt_id TEXT NOT NULL REFERENCES prompts(id),
                token_hash TEXT NOT NULL UNIQUE,
                created_by TEXT NOT NULL,
                version INTEGER,
                label TEXT,
                password_hash TEXT,
                max_views INTEGER,
                views INTEGER NOT NULL DEFAULT 0,
                expires_at \(ts) NOT NULL,
                revoked_at \(ts),
                created_at \(ts) NOT NULL
            )
            """,
            "CREATE INDEX prompt_shares_prompt ON prompt_shares (prompt_id, created_at)",
        ]
    }
}
