import PromptLibCore
import SQLKit

extension SQLPromptRepository {
    /// A page of a search ranked by relevance, read tier by tier (``RelevanceTiers``): the highest
    /// score first (or the lowest, ascending), each tier newest first, until the page is full. The
    /// cursor is `(score, search_key)` of the page's last row.
    func relevanceKeys(_ query: PromptQuery, text: String, after: (key: String, tiebreak: String)?) async throws -> [SearchKey] {
        var cursor: (score: Int, key: Int)?
        if let after {
            guard let score = Double(after.key), score >= 0, score <= Double(RelevanceTiers.scoredTerms), score.rounded() == score,
                  let key = Int(after.tiebreak)
            else { throw ValidationFailure(field: "cursor", message: "is not a cursor this server issued") }
            cursor = (Int(score), key)
        }
        let terms = try await relevanceTerms(text)
        guard !terms.isEmpty else { return [] }
        let tiers = RelevanceTiers(termCount: terms.count)
        var keys: [SearchKey] = []
        for score in tiers.scores(descending: query.descending) {
            if let cursor, query.descending ? score > cursor.score : score < cursor.score { continue }
            let bound = cursor?.score == score ? cursor?.key : nil
            let sql = store.engine == .sqlite
                ? sqliteTier(query, terms: terms, tiers: tiers, score: score)
                : postgresTier(query, terms: terms, tiers: tiers, score: score)
            keys += try await tierKeys(sql, query: query, score: score, after: bound, limit: query.limit + 1 - keys.count)
            if keys.count > query.limit { break }
        }
        return keys
    }

    /// The query's distinct terms as the engine matches them: FTS5 phrases (`"kettle"`, the last a
    /// prefix `"ref"*`), or PostgreSQL's own normalisation of each word (`'kettl'`, `'ref':*`),
    /// which drops stop words — a tier must be built from the terms the engine really matches.
    private func relevanceTerms(_ text: String) async throws -> [String] {
        var terms: [String]
        if store.engine == .sqlite {
            terms = Self.ftsTerms(text)
        } else {
            let words = Self.tsQuery(text).components(separatedBy: " & ")
            var select: SQLQueryString = "SELECT "
            for (index, word) in words.enumerated() {
                if index > 0 { select += ", " }
                select += "to_tsquery('english', \(bind: word))::text AS t\(unsafeRaw: String(index))"
            }
            let statement = select
            let row = try await store.read { db in try await db.raw(statement).first() }
            terms = try words.indices.map { try row?.decode(column: "t\($0)", as: String.self) ?? "" }
                .filter { !$0.isEmpty }.map { "(\($0))" }
        }
        var seen = Set<String>()
        return terms.filter { seen.insert($0).inserted }
    }

    /// SQLite: a tier as an FTS5 match. The body holds every term (the head's words are in the body
    /// too), the state excludes archived prompts unless asked, and the head holds exactly `score`
    /// of the counted terms.
    private func sqliteTier(_ query: PromptQuery, terms: [String], tiers: RelevanceTiers, score: Int) -> SQLQueryString {
        var state = ""
        if query.status == "archived" {
            state = " AND state : archived"
        } else if !query.includeArchived {
            state = " AND state : live"
        }
        let body = "body : (\(terms.joined(separator: " ")))" + state
        let counted = Array(terms.prefix(tiers.count))
        let match: String
        if score == 0 {
            match = "(\(body)) NOT head : (\(counted.joined(separator: " OR ")))"
        } else if score == counted.count {
            // The body too: a head word is in the body but for odd tags (JSON escapes such as `\n`).
            match = "\(body) AND head : (\(counted.joined(separator: " AND ")))"
        } else {
            let choices = tiers.choices(score).map { choice in
                let picked = "head : (\(choice.picked.map { counted[$0] }.joined(separator: " AND ")))"
                return choice.others.isEmpty ? "(\(picked))" : "(\(picked) NOT head : (\(choice.others.map { counted[$0] }.joined(separator: " OR "))))"
            }
            match = "\(body) AND (\(choices.joined(separator: " OR ")))"
        }
        return "SELECT p.id, f.rowid AS search_key FROM prompts_fts(\(bind: match)) f JOIN prompts p ON p.search_key = f.rowid WHERE " + Self.filters(query)
    }

    /// PostgreSQL: a tier as conditions on the head vector (exactly `score` of the counted terms)
    /// and the whole vector (every term), each query parsed once in FROM.
    private func postgresTier(_ query: PromptQuery, terms: [String], tiers: RelevanceTiers, score: Int) -> SQLQueryString {
        let counted = Array(terms.prefix(tiers.count))
        let head = tiers.choices(score).map { choice in
            "(" + (choice.picked.map { counted[$0] } + choice.others.map { "!" + counted[$0] }).joined(separator: " & ") + ")"
        }.joined(separator: " | ")
        var sql: SQLQueryString = "SELECT p.id, p.search_key FROM prompts p, CAST(\(bind: head) AS tsquery) AS head_q"
        // Every term in the head means every term in the whole vector, which holds the head.
        let headHoldsAll = score == counted.count && counted.count == terms.count
        if !headHoldsAll { sql += ", CAST(\(bind: terms.joined(separator: " & ")) AS tsquery) AS all_q" }
        sql += " WHERE p.search_head @@ head_q AND " + Self.filters(query)
        if !headHoldsAll { sql += " AND p.search_vector @@ all_q" }
        return sql
    }

    /// Up to `limit` rows of one tier, newest first (oldest, ascending), after `after` when the
    /// cursor's row is in this tier.
    private func tierKeys(_ tier: SQLQueryString, query: PromptQuery, score: Int, after: Int?, limit: Int) async throws -> [SearchKey] {
        let column = store.engine == .sqlite ? "f.rowid" : "p.search_key"
        var sql = tier
        if let after { sql += " AND \(unsafeRaw: column) \(unsafeRaw: query.descending ? "<" : ">") \(bind: after)" }
        sql += " ORDER BY \(unsafeRaw: column) \(unsafeRaw: query.descending ? "DESC" : "ASC") LIMIT \(bind: limit)"
        let statement = sql
        let cursorScore = "\(Double(score))"
        return try await store.read { db in
            try await db.raw(statement).all().map { row in
                let key = try row.decode(column: "search_key", as: Int.self)
                return SearchKey(id: try row.decode(column: "id", as: String.self), cursor: cursorScore + "\u{1F}\(key)")
            }
        }
    }
}
