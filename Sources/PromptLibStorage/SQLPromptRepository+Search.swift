import Foundation
import PromptLibCore
import SQLKit

extension SQLPromptRepository {
    /// Prompts matching `query`, sorted and paged with keyset cursors: a cursor names the last row
    /// (for relevance, also its score), so rows inserted meanwhile never shift or repeat a page.
    public func search(_ query: PromptQuery) async throws -> Page<PromptRecord> {
        let engine = store.engine
        let text = query.text.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        if query.sort == .relevance && text == nil {
            throw ValidationFailure(field: "sort", message: "relevance needs a search text (q)")
        }
        let after = try query.cursor.map(Cursor.decode)
        func key(_ alias: String) -> SQLQueryString { Self.sortKey(query.sort, engine: engine, alias: alias, text: text ?? "") }
        // Ids and keys first; documents only for the page. Carrying every matching row's document
        // through the sort is what made large searches slow.
        var sql: SQLQueryString = "SELECT " + key("p") + " AS sort_key, p.id AS id FROM prompts p"
        if let text, engine == .sqlite {
            sql += " JOIN prompts_fts ON prompts_fts.rowid = p.search_key AND prompts_fts MATCH \(bind: Self.ftsQuery(text))"
        }
        sql += " WHERE (\(bind: query.includeArchived || query.status == "archived") OR p.archived_at IS NULL)"
        if let text, engine == .postgres { sql += " AND p.search_vector @@ websearch_to_tsquery('simple', \(bind: text))" }
        if let tag = query.tag { sql += " AND p.tags LIKE \(bind: "%" + Self.escapeLike("\"\(tag.lowercased())\"") + "%") ESCAPE '\\'" }
        if let owner = query.owner { sql += " AND p.owner = \(bind: owner)" }
        if query.status == "archived" {
            sql += " AND p.archived_at IS NOT NULL"
        } else if let status = query.status {
            sql += " AND p.status = \(bind: status)"
        }
        if let folder = query.folder { sql += " AND p.name LIKE \(bind: Self.escapeLike(folder) + "/%") ESCAPE '\\'" }
        let comparison = query.descending ? "<" : ">"
        let direction = query.descending ? "DESC" : "ASC"
        var relevanceAfter: (score: Double, id: String)?
        if let after {
            let parts = after.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else { throw ValidationFailure(field: "cursor", message: "is not a cursor this server issued") }
            if query.sort == .relevance {
                guard let score = Double(parts[0]) else { throw ValidationFailure(field: "cursor", message: "is not a cursor this server issued") }
                relevanceAfter = (score, parts[1])
            } else {
                // The cursor row's own key, read again, so the comparison is exact for every type.
                sql += " AND (" + key("p") + ", p.id) \(unsafeRaw: comparison) (SELECT " + key("c") + ", c.id FROM prompts c WHERE c.id = \(bind: parts[1]))"
            }
        }
        if query.sort == .relevance {
            // Relevance pages are cut from the ranked rows in an outer query, where the score is a column.
            sql = "SELECT * FROM (" + sql + ") ranked"
            if let relevanceAfter {
                sql += " WHERE (ranked.sort_key, ranked.id) \(unsafeRaw: comparison) (\(bind: relevanceAfter.score), \(bind: relevanceAfter.id))"
            }
            sql += " ORDER BY ranked.sort_key \(unsafeRaw: direction), ranked.id \(unsafeRaw: direction) LIMIT \(bind: query.limit + 1)"
        } else {
            sql += " ORDER BY sort_key \(unsafeRaw: direction), p.id \(unsafeRaw: direction) LIMIT \(bind: query.limit + 1)"
        }
        let statement = sql
        let keys = try await store.withDatabase { db in
            try await db.raw(statement).all().map { row in
                (id: try row.decode(column: "id", as: String.self),
                 score: query.sort == .relevance ? try row.decode(column: "sort_key", as: Double.self) : nil)
            }
        }
        let pageKeys = Array(keys.prefix(query.limit))
        let ids = pageKeys.map(\.id)
        let records = ids.isEmpty ? [] : try await store.withDatabase { db in
            try await db.raw("\(unsafeRaw: Self.selectPrompt) WHERE p.id IN (\(binds: ids))").all().map(Self.record)
        }
        let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let page = try await withLabels(ids.compactMap { byID[$0] })
        var next: String?
        if keys.count > query.limit, let last = pageKeys.last {
            next = Cursor.encode((last.score.map { "\($0)" } ?? "") + "\u{1F}" + last.id)
        }
        return Page(items: page, nextCursor: next)
    }

    /// The SQL of a sort key for rows aliased `alias`; higher relevance is a better match on both engines.
    static func sortKey(_ sort: PromptQuery.Sort, engine: DatabaseEngine, alias a: String, text: String) -> SQLQueryString {
        let double = engine == .postgres ? "DOUBLE PRECISION" : "REAL"
        switch sort {
        case .name: return "\(unsafeRaw: a).name"
        case .title: return "\(unsafeRaw: a).title"
        case .updatedAt: return "\(unsafeRaw: a).updated_at"
        case .createdAt: return "\(unsafeRaw: a).created_at"
        case .rating:
            return "CAST(COALESCE((SELECT AVG(r.score) FROM prompt_ratings r WHERE r.prompt_id = \(unsafeRaw: a).id), 0) AS \(unsafeRaw: double))"
        case .relevance:
            if engine == .postgres {
                return "CAST(ts_rank(\(unsafeRaw: a).search_vector, websearch_to_tsquery('simple', \(bind: text))) AS DOUBLE PRECISION)"
            }
            // FTS5 finds the rows; the score counts how often the words occur. (bm25 would weigh by
            // the whole corpus, so every insert would shift scores under a client's cursor.)
            let words = ftsWords(text).map { $0.lowercased() }
            guard !words.isEmpty else { return "0.0" }
            var score: SQLQueryString = "(0.0"
            for word in words {
                score += " + CAST(length(\(unsafeRaw: a).search_text) - length(replace(\(unsafeRaw: a).search_text, \(bind: word), '')) AS REAL) / \(literal: word.count)"
            }
            return score + ")"
        }
    }

    /// Words of `text` as an FTS5 query: each word quoted, so user input cannot be FTS syntax.
    static func ftsQuery(_ text: String) -> String {
        let words = ftsWords(text).map { "\"\($0)\"" }
        return words.isEmpty ? "\"\"" : words.joined(separator: " ")
    }

    static func ftsWords(_ text: String) -> [String] {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(16).map(String.init)
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}
