extension Migrations {
    /// Labels (each points at one version of a prompt) and the record of every move.
    static let createLabels = Migration(version: 4, name: "create prompt_labels and label_moves") { engine in
        let ts = engine.timestampType
        return [
            """
            CREATE TABLE prompt_labels (
                prompt_id TEXT NOT NULL REFERENCES prompts(id),
                label \(engine.nameType) NOT NULL,
                version INTEGER NOT NULL,
                moved_by TEXT NOT NULL,
                moved_at \(ts) NOT NULL,
                PRIMARY KEY (prompt_id, label),
                FOREIGN KEY (prompt_id, version) REFERENCES prompt_versions (prompt_id, version)
            )
            """,
            """
            CREATE TABLE label_moves (
                id \(engine.serialKey),
                prompt_id TEXT NOT NULL REFERENCES prompts(id),
                label TEXT NOT NULL,
                from_version INTEGER,
                to_version INTEGER NOT NULL,
                moved_by TEXT NOT NULL,
                moved_at \(ts) NOT NULL
            )
            """,
            "CREATE INDEX label_moves_prompt ON label_moves (prompt_id, id)",
        ]
    }
}
