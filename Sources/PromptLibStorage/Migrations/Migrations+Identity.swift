extension Migrations {
    /// Users, login sessions with their refresh tokens, and the audit log.
    static let createIdentity = Migration(version: 2, name: "create users, sessions, refresh_tokens, audit_events") { engine in
        let ts = engine.timestampType
        return [
            """
            CREATE TABLE users (
                id TEXT PRIMARY KEY,
                username \(engine.nameType) NOT NULL UNIQUE,
                email \(engine.nameType) NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                role TEXT NOT NULL,
                status TEXT NOT NULL,
                failed_logins INTEGER NOT NULL DEFAULT 0,
                failed_window_started_at \(ts),
                locked_until \(ts),
                created_at \(ts) NOT NULL,
                updated_at \(ts) NOT NULL,
                last_login_at \(ts)
            )
            """,
            """
            CREATE TABLE sessions (
                id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                created_at \(ts) NOT NULL,
                last_used_at \(ts) NOT NULL,
                expires_at \(ts) NOT NULL,
                revoked_at \(ts),
                revoked_reason TEXT,
                ip TEXT,
                user_agent TEXT
            )
            """,
            "CREATE INDEX sessions_user ON sessions (user_id)",
            """
            CREATE TABLE refresh_tokens (
                token_hash TEXT PRIMARY KEY,
                session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                created_at \(ts) NOT NULL,
                expires_at \(ts) NOT NULL,
                used_at \(ts)
            )
            """,
            "CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id)",
            """
            CREATE TABLE audit_events (
                id \(engine.serialKey),
                occurred_at \(ts) NOT NULL,
                actor_id TEXT,
                actor_name TEXT,
                action TEXT NOT NULL,
                target_type TEXT,
                target_id TEXT,
                ip TEXT,
                user_agent TEXT,
                details TEXT
            )
            """,
            "CREATE INDEX audit_events_action ON audit_events (action, id)",
            "CREATE INDEX audit_events_actor ON audit_events (actor_name, id)",
        ]
    }
}
