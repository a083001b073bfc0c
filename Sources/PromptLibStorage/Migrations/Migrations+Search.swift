extension Migrations {
    /// Full-text search over name, title, summary, goal, steps and tags: an FTS5 table on SQLite,
    /// a generated `tsvector` with a GIN index on PostgreSQL. Existing prompts are indexed here.
    static let createSearch = Migration(version: 6, name: "full-text search over prompts") { engine in
        switch engine {
        case .postgres:
            return [
                "ALTER TABLE prompts ADD COLUMN search_text TEXT NOT NULL DEFAULT ''",
                """
                UPDATE prompts p SET search_text = lower(concat_ws(' ', replace(replace(p.name, '/', ' '), '-', ' '), p.title, p.summary,
                    v.document::json #>> '{prompt,goal}', v.document::json #>> '{prompt,steps}', p.tags))
                FROM prompt_versions v WHERE v.prompt_id = p.id AND v.version = p.latest_version
                """,
                "ALTER TABLE prompts ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED",
                "CREATE INDEX prompts_search ON prompts USING GIN (search_vector)",
                "CREATE INDEX prompts_updated ON prompts (updated_at, id)",
            ]
        case .sqlite:
            return [
                "ALTER TABLE prompts ADD COLUMN search_text TEXT NOT NULL DEFAULT ''",
                """
                UPDATE prompts SET search_text = (
                    SELECT lower(replace(replace(p2.name, '/', ' '), '-', ' ') || ' ' || p2.title || ' ' || COALESCE(p2.summary, '') || ' '
                        || COALESCE(json_extract(v.document, '$.prompt.goal'), '') || ' '
                        || COALESCE(json_extract(v.document, '$.prompt.steps'), '') || ' ' || p2.tags)
                    FROM prompts p2 JOIN prompt_versions v ON v.prompt_id = p2.id AND v.version = p2.latest_version
                    WHERE p2.id = prompts.id)
                """,
                // FTS rows are keyed by an integer of the prompt's own (`search_key`), so a match joins
                // back by integer. Not the rowid itself: VACUUM may renumber those.
                "ALTER TABLE prompts ADD COLUMN search_key INTEGER",
                "UPDATE prompts SET search_key = rowid",
                "CREATE UNIQUE INDEX prompts_search_key ON prompts (search_key)",
                "CREATE VIRTUAL TABLE prompts_fts USING fts5(search_text, tokenize = 'unicode61 remove_diacritics 2')",
                "INSERT INTO prompts_fts (rowid, search_text) SELECT search_key, search_text FROM prompts",
                "CREATE INDEX prompts_updated ON prompts (updated_at, id)",
            ]
        }
    }
}

extension Migrations {
    /// SQLite's FTS table gains a `head` column (name, title and tags), on which relevance is
    /// scored from the index alone, and a `state` column (`live` or `archived`), so a plain search
    /// never reads the prompts table for the rows it ranks. PostgreSQL is unchanged.
    static let searchHeads = Migration(version: 7, name: "rank SQLite search by name, title and tags") { engine in
        guard engine == .sqlite else { return [] }
        return [
            "DROP TABLE prompts_fts",
            "CREATE VIRTUAL TABLE prompts_fts USING fts5(head, body, state, tokenize = 'unicode61 remove_diacritics 2')",
            "INSERT INTO prompts_fts (rowid, head, body, state) SELECT search_key, \(SQLPromptRepository.searchHeadSQL), search_text, "
                + "\(SQLPromptRepository.searchStateSQL) FROM prompts",
        ]
    }
}
