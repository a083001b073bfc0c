import Foundation
import Logging
import PromptLibCore
import SQLKit

/// ``PromptRepository`` on any ``SQLStore``: one set of queries for SQLite and PostgreSQL.
public struct SQLPromptRepository: PromptRepository {
    let store: any SQLStore

    /// Creates a repository on `store`.
    public init(store: any SQLStore) {
        self.store = store
    }

    /// The id of the account that holds `username` now: what a write records beside the name.
    static func accountID(_ username: SQLQueryString) -> SQLQueryString {
        "(SELECT u.id FROM users u WHERE u.username = " + username + ")"
    }

    /// A version's columns, as ``versionRecord(_:)`` reads them.
    static let selectVersion = "SELECT prompt_id, document, author, created_at FROM prompt_versions"

    static let selectPrompt = """
        SELECT p.id, p.owner_id, p.created_at, p.updated_at, p.archived_at, v.document, v.author
        FROM prompts p JOIN prompt_versions v ON v.prompt_id = p.id AND v.version = p.latest_version
        """

    public func create(_ document: PromptDocument, author: String) async throws -> PromptRecord {
        var doc = document
        doc.version = 1
        doc.labels = nil
        let draft = doc
        let now = Date()
        let engine = store.engine
        let (id, ownerID) = try await store.transaction { db in
            let id = try await Self.insertPrompts(db, engine: engine, [NewPrompt(versions: [draft], labels: [:])], author: author, at: now)[0]
            let owner = try await db.raw("SELECT owner_id FROM prompts WHERE id = \(bind: id)").first()?.decode(column: "owner_id", as: String?.self)
            return (id, owner)
        }
        var record = PromptRecord(id: id, document: draft, author: author, createdAt: now, updatedAt: now, archivedAt: nil)
        record.ownerID = ownerID
        return record
    }

    public func addVersion(to id: String, _ document: PromptDocument, author: String, expectedVersion: Int?, transferTo ownerID: String?) async throws -> VersionWrite {
        let now = Date()
        let tags = try DocumentCodec.encodeTags(document.tags)
        let status = (document.status ?? .active).rawValue
        // -1 matches no version: it stands for "no precondition" in a single statement.
        let expected = expectedVersion ?? -1
        let search = Self.searchText(document)
        let engine = store.engine
        return try await store.transaction { db in
            // The increment and the precondition are one statement, so of concurrent writers on the
            // same base exactly one succeeds and version numbers never repeat or skip.
            guard let row = try await db.raw("""
                UPDATE prompts SET latest_version = latest_version + 1, name = \(bind: document.name),
                    title = \(bind: document.title), summary = \(bind: document.summary), status = \(bind: status),
                    owner = \(bind: document.owner), owner_id = COALESCE(\(bind: ownerID), owner_id),
                    tags = \(bind: tags), updated_at = \(bind: now), search_text = \(bind: search)
                WHERE id = \(bind: id) AND archived_at IS NULL AND (\(bind: expected) = -1 OR latest_version = \(bind: expected))
                RETURNING latest_version, created_at, owner_id
                """).first() else {
                guard let current = try await db.raw("""
                    SELECT latest_version, archived_at FROM prompts WHERE id = \(bind: id)
                    """).first() else { return .notFound }
                if try current.decode(column: "archived_at", as: Date?.self) != nil { return .archived }
                return .stale(current: try current.decode(column: "latest_version", as: Int.self))
            }
            try await Self.index(db, engine: engine, id: id)
            var doc = document
            doc.version = try row.decode(column: "latest_version", as: Int.self)
            doc.labels = nil
            try await Self.insertVersion(db, id: id, document: doc, json: try DocumentCodec.encode(doc), author: author, at: now)
            let createdAt = try row.decode(column: "created_at", as: Date.self)
            var record = PromptRecord(id: id, document: doc, author: author, createdAt: createdAt, updatedAt: now, archivedAt: nil)
            record.ownerID = try row.decode(column: "owner_id", as: String?.self)
            return .written(record)
        }
    }

    public func find(id: String) async throws -> PromptRecord? {
        try await findOne(.id(id))
    }

    public func find(name: String) async throws -> PromptRecord? {
        try await findOne(.name(name))
    }

    /// ``selectPrompt`` with the prompt's labels as one JSON object (`labels_json`; null or `{}`
    /// without labels), in each engine's own JSON aggregate.
    static let postgresSelectPromptWithLabels = labelled("(SELECT json_object_agg(l.label, l.version)::text FROM prompt_labels l WHERE l.prompt_id = p.id)")
    static let sqliteSelectPromptWithLabels = labelled("(SELECT json_group_object(l.label, l.version) FROM prompt_labels l WHERE l.prompt_id = p.id)")

    private static func labelled(_ labels: String) -> String {
        selectPrompt.replacingOccurrences(of: "\nFROM ", with: ", \(labels) AS labels_json\nFROM ")
    }

    /// One prompt with its labels, in one query (one snapshot, one round trip: the uncached fetch),
    /// prepared where the store can (``preparedFind(_:)``).
    private func findOne(_ key: OneKey) async throws -> PromptRecord? {
        if let found = try await preparedFind(key) { return found }
        let select = switch store.engine {
        case .postgres: Self.postgresSelectPromptWithLabels
        case .sqlite: Self.sqliteSelectPromptWithLabels
        }
        let query: SQLQueryString = "\(unsafeRaw: select) WHERE \(unsafeRaw: key.column) = \(bind: key.value)"
        return try await store.read { db in
            try await db.raw(query).first().map { row in
                var record = try Self.record(row)
                record.labels = try Self.labels(row.decode(column: "labels_json", as: String?.self))
                return record
            }
        }
    }

    /// Adds each record's labels, in one query for all of them.
    func withLabels(_ records: [PromptRecord]) async throws -> [PromptRecord] {
        let labels = try await SQLLabelRepository(store: store).labels(of: records.map(\.id))
        return records.map { record in
            var record = record
            record.labels = labels[record.id] ?? [:]
            return record
        }
    }

    public func list(limit: Int, cursor: String?, includeArchived: Bool) async throws -> Page<PromptRecord> {
        var query = PromptQuery()
        query.limit = limit
        query.cursor = cursor
        query.includeArchived = includeArchived
        return try await search(query)
    }

    public func tagCounts() async throws -> [(tag: String, count: Int)] {
        let expand = store.engine == .postgres ? "json_array_elements_text(p.tags::json) AS t(value)" : "json_each(p.tags) AS t"
        return try await store.read { db in
            try await db.raw("""
                SELECT t.value AS tag, COUNT(*) AS n FROM prompts p, \(unsafeRaw: expand) WHERE p.archived_at IS NULL
                GROUP BY t.value ORDER BY n DESC, t.value
                """).all().map { (try $0.decode(column: "tag", as: String.self), try $0.decode(column: "n", as: Int.self)) }
        }
    }

    public func liveNames() async throws -> [String] {
        try await store.read { db in
            try await db.raw("SELECT name FROM prompts WHERE archived_at IS NULL ORDER BY name").all()
                .map { try $0.decode(column: "name", as: String.self) }
        }
    }

    public func version(of id: String, number: Int) async throws -> PromptVersionRecord? {
        if let found = try await preparedVersion(of: id, number: number) { return found }
        return try await store.read { db in
            try await db.raw("""
                \(unsafeRaw: Self.selectVersion)
                WHERE prompt_id = \(bind: id) AND version = \(bind: number)
                """).first().map(Self.versionRecord)
        }
    }

    public func versions(of id: String, limit: Int, cursor: String?) async throws -> Page<PromptVersionRecord> {
        let before = try cursor.map(Cursor.decodeInt) ?? Int.max
        let rows = try await store.read { db in
            try await db.raw("""
                \(unsafeRaw: Self.selectVersion)
                WHERE prompt_id = \(bind: id) AND version < \(bind: before)
                ORDER BY version DESC LIMIT \(bind: limit + 1)
                """).all().map(Self.versionRecord)
        }
        let page = Array(rows.prefix(limit))
        let next = rows.count > limit ? page.last.map { Cursor.encode(String($0.document.version ?? 0)) } : nil
        return Page(items: page, nextCursor: next)
    }

    public func setArchived(_ archived: Bool, id: String) async throws -> PromptRecord? {
        let when: Date? = archived ? Date() : nil
        let engine = store.engine
        let record = try await store.transaction { db in
            // Archiving an archived prompt keeps its original archive time.
            let condition = archived ? "archived_at IS NULL" : "archived_at IS NOT NULL"
            try await db.raw("""
                UPDATE prompts SET archived_at = \(bind: when) WHERE id = \(bind: id) AND \(unsafeRaw: condition)
                """).run()
            try await Self.index(db, engine: engine, id: id)
            return try await db.raw("\(unsafeRaw: Self.selectPrompt) WHERE p.id = \(bind: id)").first().map(Self.record)
        }
        return try await withLabels(record.map { [$0] } ?? []).first
    }

    /// What full-text search reads: name words, title, summary, tags, and every text of the body —
    /// goal, audience, context, steps, constraints, examples, messages and output fields —
    /// lowercased (search ignores case, and the SQLite ranking can then count words without
    /// lowering rows). Name, title and tags are also the search's weighted head.
    static func searchText(_ document: PromptDocument) -> String {
        let name = document.name.replacingOccurrences(of: "/", with: " ").replacingOccurrences(of: "-", with: " ")
        let body = document.prompt.templates.map(\.text) + (document.prompt.output?.fields ?? [])
        let parts = [name, document.title, document.summary ?? ""] + (document.tags ?? []) + body
        return parts.filter { !$0.isEmpty }.joined(separator: " ").lowercased()
    }

    /// Fills `search_text` again for prompts whose text is empty — every prompt after the migration
    /// that widened what search reads (``Migrations/searchEverything``) — from each one's latest
    /// version, in batches, and re-indexes them. Does nothing on a database that is up to date.
    public func reindexSearch(logger: Logger) async throws {
        let engine = store.engine
        var total = 0
        while true {
            let done = try await store.transaction { db -> Int in
                let rows = try await db.raw("""
                    SELECT p.id, v.document FROM prompts p JOIN prompt_versions v ON v.prompt_id = p.id AND v.version = p.latest_version
                    WHERE p.search_text = '' LIMIT 500
                    """).all()
                for row in rows {
                    let id = try row.decode(column: "id", as: String.self)
                    let document = try DocumentCodec.decode(try row.decode(column: "document", as: String.self))
                    try await db.raw("UPDATE prompts SET search_text = \(bind: Self.searchText(document)) WHERE id = \(bind: id)").run()
                    if engine == .sqlite {
                        try await db.raw("DELETE FROM prompts_fts WHERE rowid = (SELECT search_key FROM prompts WHERE id = \(bind: id))").run()
                    }
                }
                if engine == .sqlite, !rows.isEmpty { try await Self.insertFTS(db, ids: try rows.map { try $0.decode(column: "id", as: String.self) }) }
                return rows.count
            }
            total += done
            if done == 0 { break }
            logger.info("re-indexing prompts for search", metadata: ["done": "\(total)"])
        }
        if total > 0 { logger.notice("search index rebuilt", metadata: ["prompts": "\(total)"]) }
    }

    /// Keeps SQLite's FTS table in step with the prompt's row; PostgreSQL derives its `tsvector`
    /// from `search_text` itself. Called after every write that changes the text or the archive state.
    static func index(_ db: any SQLDatabase, engine: DatabaseEngine, id: String) async throws {
        guard engine == .sqlite else { return }
        // A new prompt takes the next key; SQLite write transactions are serial, so keys stay unique.
        try await db.raw("""
            UPDATE prompts SET search_key = (SELECT COALESCE(MAX(search_key), 0) + 1 FROM prompts)
            WHERE id = \(bind: id) AND search_key IS NULL
            """).run()
        try await db.raw("DELETE FROM prompts_fts WHERE rowid = (SELECT search_key FROM prompts WHERE id = \(bind: id))").run()
        try await insertFTS(db, ids: [id])
    }

    /// SQLite: FTS rows for these prompts, from their rows in `prompts` (which have search keys).
    static func insertFTS(_ db: any SQLDatabase, ids: [String]) async throws {
        try await db.raw("""
            INSERT INTO prompts_fts (rowid, head, body, state)
            SELECT search_key, \(unsafeRaw: searchHeadSQL), search_text, \(unsafeRaw: searchStateSQL) FROM prompts WHERE id IN (\(binds: ids))
            """).run()
    }

    /// SQLite: the FTS `head` of a prompts row — name words, title and tags (FTS5 folds case).
    static let searchHeadSQL = "replace(replace(name, '/', ' '), '-', ' ') || ' ' || title || ' ' || tags"
    /// SQLite: the FTS `state` of a prompts row, a word a search can require.
    static let searchStateSQL = "CASE WHEN archived_at IS NULL THEN 'live' ELSE 'archived' END"

    static func insertVersion(_ db: any SQLDatabase, id: String, document: PromptDocument, json: String, author: String, at now: Date) async throws {
        try await db.raw("""
            INSERT INTO prompt_versions (prompt_id, version, document, commit_message, author, author_id, created_at)
            VALUES (\(bind: id), \(bind: document.version ?? 1), \(bind: json), \(bind: document.commitMessage),
                    \(bind: author), \(accountID("\(bind: author)")), \(bind: now))
            """).run()
    }

    static func record(_ row: any SQLRow) throws -> PromptRecord {
        var record = PromptRecord(
            id: try row.decode(column: "id", as: String.self),
            document: try DocumentCodec.decode(row.decode(column: "document", as: String.self)),
            author: try row.decode(column: "author", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self),
            archivedAt: try row.decode(column: "archived_at", as: Date?.self)
        )
        record.ownerID = try row.decode(column: "owner_id", as: String?.self)
        return record
    }

    static func versionRecord(_ row: any SQLRow) throws -> PromptVersionRecord {
        PromptVersionRecord(
            promptID: try row.decode(column: "prompt_id", as: String.self),
            document: try DocumentCodec.decode(row.decode(column: "document", as: String.self)),
            author: try row.decode(column: "author", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self)
        )
    }
}
