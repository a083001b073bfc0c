extension Migrations {
    /// SQLite's FTS table gets prefix indexes for every length from 2 to 10: search treats the last
    /// word as a prefix (people search as they type), and FTS5 answers a prefix of a length it has
    /// no index for by gathering every matching term's whole list of rows before the first result
    /// — at 100,000 prompts a two-word search cost 1.6 ms in that step against 0.13 ms with the
    /// index (docs/performance.md). The index grows by most of its size again; longer prefixes
    /// still work, unindexed. The table is rebuilt from its own rows. PostgreSQL needs nothing.
    static let searchPrefixes = Migration(version: 13, name: "search prefix indexes up to ten characters") { engine in
        switch engine {
        case .postgres:
            return []
        case .sqlite:
            return [
                """
                CREATE VIRTUAL TABLE prompts_fts_prefixed USING fts5(head, body, state,
                    tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3 4 5 6 7 8 9 10')
                """,
                "INSERT INTO prompts_fts_prefixed (rowid, head, body, state) SELECT rowid, head, body, state FROM prompts_fts",
                "DROP TABLE prompts_fts",
                "ALTER TABLE prompts_fts_prefixed RENAME TO prompts_fts",
            ]
        }
    }
}
