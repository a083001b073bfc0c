import Foundation
import PromptLibCore
import SQLKit

extension SQLPromptRepository {
    /// One row of a search before its document is loaded: the id, and the cursor that resumes after it.
    struct SearchKey: Sendable {
        let id: String
        let cursor: String
    }

    /// Prompts matching `query`, sorted and paged with keyset cursors: a cursor names the last row
    /// (for relevance, also its score), so rows inserted meanwhile never shift or repeat a page.
    public func search(_ query: PromptQuery) async throws -> Page<PromptRecord> {
        let text = query.text.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        if query.sort == .relevance && text == nil {
            throw ValidationFailure(field: "sort", message: "relevance needs a search text (q)")
        }
        let after = try query.cursor.map { cursor -> (key: String, tiebreak: String) in
            let parts = try Cursor.decode(cursor).split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else { throw ValidationFailure(field: "cursor", message: "is not a cursor this server issued") }
            return (parts[0], parts[1])
        }
        let keys: [SearchKey]
        if let text, store.engine == .sqlite, Self.ftsWords(text).isEmpty {
            keys = []  // Nothing searchable (only punctuation): FTS5 would match nothing either.
        } else if let text, store.engine == .sqlite, query.sort == .relevance {
            keys = try await sqliteRelevanceKeys(query, text: text, after: after)
        } else {
            keys = try await sortedKeys(query, text: text, after: after)
        }
        // Ids and keys first; documents only for the page. Carrying every matching row's document
        // through the sort is what made large searches slow.
        let pageKeys = Array(keys.prefix(query.limit))
        let ids = pageKeys.map(\.id)
        let records = ids.isEmpty ? [] : try await store.withDatabase { db in
            try await db.raw("\(unsafeRaw: Self.selectPrompt) WHERE p.id IN (\(binds: ids))").all().map(Self.record)
        }
        let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let page = try await withLabels(ids.compactMap { byID[$0] })
        let next = keys.count > query.limit ? pageKeys.last.map { Cursor.encode($0.cursor) } : nil
        return Page(items: page, nextCursor: next)
    }

    /// Every sort but SQLite's relevance: one query over `prompts`, the sort key beside each id.
    private func sortedKeys(_ query: PromptQuery, text: String?, after: (key: String, tiebreak: String)?) async throws -> [SearchKey] {
        let engine = store.engine
        func key(_ alias: String) -> SQLQueryString { Self.sortKey(query.sort, engine: engine, alias: alias) }
        var sql: SQLQueryString = "SELECT " + key("p") + " AS sort_key, p.id AS id FROM prompts p"
        // The query is parsed once, in FROM: as an expression it would be parsed again for every
        // matching row under a generic plan (twice as slow at 10,000 matches).
        if let text, engine == .postgres { sql += ", to_tsquery('english', \(bind: Self.tsQuery(text))) AS tsq" }
        if let text, engine == .sqlite {
            sql += " JOIN prompts_fts ON prompts_fts.rowid = p.search_key AND prompts_fts MATCH \(bind: "body : (\(Self.ftsQuery(text)))")"
        }
        sql += " WHERE " + Self.filters(query)
        if text != nil, engine == .postgres { sql += " AND p.search_vector @@ tsq" }
        let comparison = query.descending ? "<" : ">"
        let direction = query.descending ? "DESC" : "ASC"
        var relevanceAfter: Double?
        if let after {
            if query.sort == .relevance {
                guard let score = Double(after.key) else { throw ValidationFailure(field: "cursor", message: "is not a cursor this server issued") }
                relevanceAfter = score
            } else {
                // The cursor row's own key, read again, so the comparison is exact for every type.
                sql += " AND (" + key("p") + ", p.id) \(unsafeRaw: comparison) (SELECT " + key("c") + ", c.id FROM prompts c WHERE c.id = \(bind: after.tiebreak))"
            }
        }
        if query.sort == .relevance {
            // Relevance pages are cut from the ranked rows in an outer query, where the score is a column.
            sql = "SELECT * FROM (" + sql + ") ranked"
            if let relevanceAfter, let after {
                sql += " WHERE (ranked.sort_key, ranked.id) \(unsafeRaw: comparison) (\(bind: relevanceAfter), \(bind: after.tiebreak))"
            }
            sql += " ORDER BY ranked.sort_key \(unsafeRaw: direction), ranked.id \(unsafeRaw: direction) LIMIT \(bind: query.limit + 1)"
        } else {
            sql += " ORDER BY sort_key \(unsafeRaw: direction), p.id \(unsafeRaw: direction) LIMIT \(bind: query.limit + 1)"
        }
        let statement = sql
        let relevance = query.sort == .relevance
        return try await store.withDatabase { db in
            try await db.raw(statement).all().map { row in
                let id = try row.decode(column: "id", as: String.self)
                let score = relevance ? "\(try row.decode(column: "sort_key", as: Double.self))" : ""
                return SearchKey(id: id, cursor: score + "\u{1F}" + id)
            }
        }
    }

    /// SQLite's relevance, ranked inside the FTS index: the score is how many of the query's words
    /// are in the prompt's name, title or tags, ties going to the newest. It depends on the prompt
    /// alone (bm25 weighs by the whole corpus, so inserts would move scores under a client's
    /// cursor), and it is computed without reading a single prompts row, which is what makes it fast.
    private func sqliteRelevanceKeys(_ query: PromptQuery, text: String, after: (key: String, tiebreak: String)?) async throws -> [SearchKey] {
        var match = "body : (\(Self.ftsQuery(text)))"
        if query.status == "archived" {
            match += " AND state : archived"
        } else if !query.includeArchived {
            match += " AND state : live"
        }
        var score: SQLQueryString = "CAST((0"
        for term in Set(Self.ftsTerms(text)).sorted() {
            score += " + (f.rowid IN (SELECT rowid FROM prompts_fts(\(bind: "head : \(term)"))))"
        }
        score += ") AS REAL)"
        var ranked: SQLQueryString = "SELECT f.rowid AS search_key, " + score + " AS sort_key FROM prompts_fts(\(bind: match)) f"
        if query.tag != nil || query.owner != nil || query.status != nil || query.folder != nil {
            ranked += " JOIN prompts p ON p.search_key = f.rowid WHERE " + Self.filters(query)
        }
        let comparison = query.descending ? "<" : ">"
        let direction = query.descending ? "DESC" : "ASC"
        // MATERIALIZED: the cursor's comparison would otherwise score every row a second time.
        var sql: SQLQueryString = "WITH ranked AS MATERIALIZED (" + ranked + ") SELECT page.sort_key, page.search_key, p.id FROM (SELECT * FROM ranked"
        if let after {
            guard let score = Double(after.key), let key = Int(after.tiebreak) else {
                throw ValidationFailure(field: "cursor", message: "is not a cursor this server issued")
            }
            sql += " WHERE (ranked.sort_key, ranked.search_key) \(unsafeRaw: comparison) (\(bind: score), \(bind: key))"
        }
        sql += " ORDER BY ranked.sort_key \(unsafeRaw: direction), ranked.search_key \(unsafeRaw: direction) LIMIT \(bind: query.limit + 1)) page"
        sql += " JOIN prompts p ON p.search_key = page.search_key ORDER BY page.sort_key \(unsafeRaw: direction), page.search_key \(unsafeRaw: direction)"
        let statement = sql
        return try await store.withDatabase { db in
            try await db.raw(statement).all().map { row in
                let score = try row.decode(column: "sort_key", as: Double.self)
                let key = try row.decode(column: "search_key", as: Int.self)
                return SearchKey(id: try row.decode(column: "id", as: String.self), cursor: "\(score)\u{1F}\(key)")
            }
        }
    }

    /// The list's filters as conditions on prompts aliased `p`.
    private static func filters(_ query: PromptQuery) -> SQLQueryString {
        var sql: SQLQueryString = "(\(bind: query.includeArchived || query.status == "archived") OR p.archived_at IS NULL)"
        if let tag = query.tag { sql += " AND p.tags LIKE \(bind: "%" + escapeLike("\"\(tag.lowercased())\"") + "%") ESCAPE '\\'" }
        if let owner = query.owner { sql += " AND p.owner = \(bind: owner)" }
        if query.status == "archived" {
            sql += " AND p.archived_at IS NOT NULL"
        } else if let status = query.status {
            sql += " AND p.status = \(bind: status)"
        }
        if let folder = query.folder { sql += " AND p.name LIKE \(bind: escapeLike(folder) + "/%") ESCAPE '\\'" }
        return sql
    }

    /// The SQL of a sort key for rows aliased `alias`. Relevance here is PostgreSQL's `ts_rank`
    /// against the query `tsq` (the name ``sortedKeys`` gives it in FROM), which reads the prompt
    /// alone; SQLite ranks in ``sqliteRelevanceKeys``.
    static func sortKey(_ sort: PromptQuery.Sort, engine: DatabaseEngine, alias a: String) -> SQLQueryString {
        let double = engine == .postgres ? "DOUBLE PRECISION" : "REAL"
        switch sort {
        case .name: return "\(unsafeRaw: a).name"
        case .title: return "\(unsafeRaw: a).title"
        case .updatedAt: return "\(unsafeRaw: a).updated_at"
        case .createdAt: return "\(unsafeRaw: a).created_at"
        case .rating:
            return "CAST(COALESCE((SELECT AVG(r.score) FROM prompt_ratings r WHERE r.prompt_id = \(unsafeRaw: a).id), 0) AS \(unsafeRaw: double))"
        case .relevance:
            return "CAST(ts_rank(\(unsafeRaw: a).search_vector, tsq) AS DOUBLE PRECISION)"
        }
    }

    /// Words of `text` as an FTS5 query: each word quoted, so user input cannot be FTS syntax, and
    /// the last one a prefix (`"prod"*`): people search as they type. The Porter tokenizer stems
    /// both sides, so `descriptions` finds `description`.
    static func ftsQuery(_ text: String) -> String {
        ftsTerms(text).joined(separator: " ")
    }

    /// The FTS5 terms of ``ftsQuery(_:)``, lowercased.
    static func ftsTerms(_ text: String) -> [String] {
        let words = ftsWords(text).map { $0.lowercased() }
        return words.enumerated().map { "\"\($0.element)\"" + ($0.offset == words.count - 1 ? "*" : "") }
    }

    /// Words of `text` as a PostgreSQL `tsquery` for the `english` configuration: all words, the
    /// last one a prefix (`w1 & w2:*`). Only letters and digits reach it, so it is never syntax.
    static func tsQuery(_ text: String) -> String {
        let words = ftsWords(text).map { $0.lowercased() }
        return words.enumerated().map { $0.element + ($0.offset == words.count - 1 ? ":*" : "") }.joined(separator: " & ")
    }

    static func ftsWords(_ text: String) -> [String] {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(16).map(String.init)
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}
