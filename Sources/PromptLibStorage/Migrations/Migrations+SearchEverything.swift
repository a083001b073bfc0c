extension Migrations {
    /// Search reads every text field (context, audience, constraints, examples, messages and output
    /// fields too) with English stemming and prefix matching. SQLite's FTS table gets the Porter
    /// stemmer and prefix indexes; PostgreSQL's vector becomes `english`, the head (name words, title
    /// and tags) weighted `A` above the body's `D`. `search_text` is emptied here and filled again from
    /// each prompt's document by ``SQLPromptRepository/reindexSearch(logger:)`` at start-up, since
    /// what it holds is computed in Swift (``SQLPromptRepository/searchText(_:)``), not in SQL.
    static let searchEverything = Migration(version: 11, name: "search every text field, stemmed, with prefixes") { engine in
        // The rows still to re-index, so that finding none at every start-up reads an empty index,
        // not the whole table.
        let unindexed = "CREATE INDEX prompts_unindexed ON prompts (id) WHERE search_text = ''"
        switch engine {
        case .postgres:
            return [
                "DROP INDEX prompts_search",
                "ALTER TABLE prompts DROP COLUMN search_vector",
                "UPDATE prompts SET search_text = ''",
                // The head is the row's own name words, title and tags; the body everything else.
                """
                ALTER TABLE prompts ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english'::regconfig, replace(replace(name, '/', ' '), '-', ' ') || ' ' || title || ' ' || tags), 'A')
                    || setweight(to_tsvector('english'::regconfig, search_text), 'D')) STORED
                """,
                // No pending list: a search reads the index alone, never an unmerged tail of recent
                // writes (prompts are written rarely and searched often).
                "CREATE INDEX prompts_search ON prompts USING GIN (search_vector) WITH (fastupdate = off)",
                unindexed,
            ]
        case .sqlite:
            return [
                "DROP TABLE prompts_fts",
                "CREATE VIRTUAL TABLE prompts_fts USING fts5(head, body, state, tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3')",
                "UPDATE prompts SET search_text = ''",
                unindexed,
            ]
        }
    }
}
