extension Migrations {
    /// Webhooks and their delivery queue: deliveries live in the database so that they survive
    /// restarts and any replica can send them, leased so that only one does.
    static let createWebhooks = Migration(version: 15, name: "create webhooks and webhook_deliveries") { engine in
        let ts = engine.timestampType
        return [
            """
            CREATE TABLE webhooks (
                id TEXT PRIMARY KEY,
                owner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                url TEXT NOT NULL,
                description TEXT,
                events TEXT NOT NULL,
                name_prefix TEXT,
                label TEXT,
                active INTEGER NOT NULL,
                secret TEXT NOT NULL,
                key_id TEXT NOT NULL,
                created_at \(ts) NOT NULL,
                updated_at \(ts) NOT NULL
            )
            """,
            "CREATE INDEX webhooks_owner ON webhooks (owner_id, created_at)",
            """
            CREATE TABLE webhook_deliveries (
                id TEXT PRIMARY KEY,
                webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
                event_type TEXT NOT NULL,
                payload TEXT NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at \(ts) NOT NULL,
                lease_until \(ts),
                last_status_code INTEGER,
                last_error TEXT,
                created_at \(ts) NOT NULL,
                delivered_at \(ts)
            )
            """,
            "CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at)",
            "CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, created_at)",
        ]
    }
}
