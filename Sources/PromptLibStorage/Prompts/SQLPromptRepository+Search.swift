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
        } else if let text, query.sort == .relevance {
            keys = try await relevanceKeys(query, text: text, after: after)
        } else {
            keys = try await sortedKeys(query, text: text, after: after)
        }
        // Ids and keys first; documents only for the page. Carrying every matching row's document
        // through the sort is what made large searches slow.
        let pageKeys = Array(keys.prefix(query.limit))
        let ids = pageKeys.map(\.id)
        let records = ids.isEmpty ? [] : try await store.read { db in
            try await db.raw("\(unsafeRaw: Self.selectPrompt) WHERE p.id IN (\(binds: ids))").all().map(Self.record)
        }
        let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let page = try await withLabels(ids.compactMap { byID[$0] })
        let next = keys.count > query.limit ? pageKeys.last.map { Cursor.encode($0.cursor) } : nil
        return Page(items: page, nextCursor: next)
    }

    /// Every sort but relevance: one query over `prompts`, the sort key beside each id.
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
        if let after {
            // The cursor row's own key, read again, so the comparison is exact for every type.
            sql += " AND (" + key("p") + ", p.id) \(unsafeRaw: comparison) (SELECT " + key("c") + ", c.id FROM prompts c WHERE c.id = \(bind: after.tiebreak))"
        }
        sql += " ORDER BY sort_key \(unsafeRaw: direction), p.id \(unsafeRaw: direction) LIMIT \(bind: query.limit + 1)"
        let statement = sql
        return try await store.read { db in
            try await db.raw(statement).all().map { row in
                let id = try row.decode(column: "id", as: String.self)
                return SearchKey(id: id, cursor: "\u{1F}" + id)
            }
        }
    }

    /// The list's filters as conditions on prompts aliased `p`.
    static func filters(_ query: PromptQuery) -> SQLQueryString {
        var sql: SQLQueryString = "(\(bind: query.includeArchived || query.status == "archived") OR p.archived_at IS NULL)"
        if let tag = query.tag {
            // Matched as the stored JSON spells it: a tag with "/" or a quote is escaped there.
            sql += " AND p.tags LIKE \(bind: "%" + escapeLike(DocumentCodec.encodedTag(tag.lowercased())) + "%") ESCAPE '\\'"
        }
        if let owner = query.owner { sql += " AND p.owner = \(bind: owner)" }
        if query.status == "archived" {
            sql += " AND p.archived_at IS NOT NULL"
        } else if let status = query.status {
            sql += " AND p.status = \(bind: status)"
        }
        if let folder = query.folder { sql += " AND p.name LIKE \(bind: escapeLike(folder) + "/%") ESCAPE '\\'" }
        return sql
    }

    /// The SQL of a sort key for rows aliased `alias`. Relevance is read by tiers
    /// (``relevanceKeys(_:text:after:)``); as a key it is the order within a tier, newest first.
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
            return "\(unsafeRaw: a).search_key"
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
