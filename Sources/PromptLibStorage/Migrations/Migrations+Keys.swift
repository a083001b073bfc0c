extension Migrations {
    /// API keys, prompt collaborators, and provider connections with encrypted credentials.
    static let createKeysAndConnections = Migration(version: 3, name: "create api_keys, prompt_collaborators, connections") { engine in
        let ts = engine.timestampType
        return [
            """
            CREATE TABLE api_keys (
                id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                prefix TEXT NOT NULL,
                key_hash TEXT NOT NULL UNIQUE,
                scopes TEXT NOT NULL,
                created_at \(ts) NOT NULL,
                expires_at \(ts),
                last_used_at \(ts),
                revoked_at \(ts)
            )
            """,
            "CREATE INDEX api_keys_user ON api_keys (user_id)",
            """
            CREATE TABLE prompt_collaborators (
                prompt_id TEXT NOT NULL REFERENCES prompts(id),
                user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                added_by TEXT NOT NULL,
                added_at \(ts) NOT NULL,
                PRIMARY KEY (prompt_id, user_id)
            )
            """,
            """
            CREATE TABLE connections (
                id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                provider TEXT NOT NULL,
                base_url TEXT,
                default_model TEXT,
                credentials TEXT NOT NULL,
                credentials_hint TEXT NOT NULL,
                key_id TEXT NOT NULL,
                created_at \(ts) NOT NULL,
                updated_at \(ts) NOT NULL
            )
            """,
            "CREATE INDEX connections_user ON connections (user_id)",
            "CREATE INDEX connections_key ON connections (key_id)",
        ]
    }
}
