import Foundation
import PromptLibCore
import SQLKit

extension SQLPromptRepository {
    /// Writes every prompt of an import in one transaction: all of it lands or none of it does.
    /// Returns the prompt ids, in the order of `writes`.
    public func importAll(_ writes: [ImportWrite], author: String) async throws -> [String] {
        let engine = store.engine
        let now = Date()
        return try await store.transaction { db in
            var ids: [String] = []
            var pending: [NewPrompt] = []
            func flush() async throws {
                ids += try await Self.insertPrompts(db, engine: engine, pending, author: author, at: now)
                pending = []
            }
            for write in writes {
                switch write {
                case .create(let versions, let labels):
                    pending.append(NewPrompt(versions: versions, labels: labels))
                case .append(let id, let document):
                    try await flush()
                    ids.append(try await Self.appendVersion(db, engine: engine, id: id, document: document, author: author, at: now))
                }
            }
            try await flush()
            return ids
        }
    }

    /// A new prompt: its versions (stored as 1…N) and labels.
    struct NewPrompt: Sendable {
        let versions: [PromptDocument]
        let labels: [String: Int]
    }

    /// Rows a multi-row insert carries: well under both engines' limits on bound parameters.
    static let rowsPerStatement = 200

    /// Inserts new prompts with their versions and labels, many rows a statement (one statement a
    /// row made a 10,000-prompt import take seconds of round trips); returns their ids in order.
    static func insertPrompts(
        _ db: any SQLDatabase, engine: DatabaseEngine, _ prompts: [NewPrompt], author: String, at now: Date
    ) async throws -> [String] {
        guard !prompts.isEmpty else { return [] }
        if prompts.contains(where: { $0.versions.isEmpty }) { throw StorageError.queryFailed("an imported prompt needs a version") }
        let ids = prompts.map { _ in UUID().uuidString.lowercased() }
        // SQLite's FTS rows are keyed by `search_key`; write transactions are serial, so the keys
        // after the current largest are free.
        var nextKey = 0
        if engine == .sqlite {
            nextKey = try await db.raw("SELECT COALESCE(MAX(search_key), 0) + 1 AS next FROM prompts").first()?.decode(column: "next", as: Int.self) ?? 1
        }
        for chunk in stride(from: 0, to: prompts.count, by: rowsPerStatement).map({ $0..<min($0 + rowsPerStatement, prompts.count) }) {
            var rows: [SQLQueryString] = []
            for index in chunk {
                let last = prompts[index].versions[prompts[index].versions.count - 1]
                var row: SQLQueryString = """
                    (\(bind: ids[index]), \(bind: last.name), \(bind: last.title), \(bind: last.summary), \(bind: (last.status ?? .active).rawValue),
                     \(bind: last.owner), \(accountID("\(bind: last.owner)")), \(bind: try DocumentCodec.encodeTags(last.tags)), \(bind: prompts[index].versions.count), \(bind: now),
                     \(bind: now), \(bind: searchText(last))
                    """
                if engine == .sqlite { row += ", \(bind: nextKey + index)" }
                rows.append(row + ")")
            }
            let keyColumn = engine == .sqlite ? ", search_key" : ""
            try await db.raw("""
                INSERT INTO prompts (id, name, title, summary, status, owner, owner_id, tags, latest_version, created_at, updated_at, search_text\(unsafeRaw: keyColumn))
                VALUES \(rows.joined(separator: ", "))
                """).run()
            if engine == .sqlite { try await insertFTS(db, ids: chunk.map { ids[$0] }) }
        }
        var versionRows: [SQLQueryString] = []
        var labelRows: [SQLQueryString] = []
        var moveRows: [SQLQueryString] = []
        for (index, prompt) in prompts.enumerated() {
            for (offset, document) in prompt.versions.enumerated() {
                var stored = document
                stored.version = offset + 1
                stored.labels = nil
                stored.baseVersion = nil
                versionRows.append("""
                    (\(bind: ids[index]), \(bind: offset + 1), \(bind: try DocumentCodec.encode(stored)), \(bind: stored.commitMessage), \(bind: author), \(accountID("\(bind: author)")), \(bind: now))
                    """)
            }
            for (label, version) in prompt.labels.sorted(by: { $0.key < $1.key }) {
                labelRows.append("(\(bind: ids[index]), \(bind: label), \(bind: version), \(bind: author), \(bind: now))")
                moveRows.append("(\(bind: ids[index]), \(bind: label), \(bind: Int?.none), \(bind: version), \(bind: author), \(bind: now))")
            }
        }
        try await insertRows(db, "INSERT INTO prompt_versions (prompt_id, version, document, commit_message, author, author_id, created_at) VALUES ", versionRows)
        try await insertRows(db, "INSERT INTO prompt_labels (prompt_id, label, version, moved_by, moved_at) VALUES ", labelRows)
        try await insertRows(db, "INSERT INTO label_moves (prompt_id, label, from_version, to_version, moved_by, moved_at) VALUES ", moveRows)
        return ids
    }

    private static func insertRows(_ db: any SQLDatabase, _ head: String, _ rows: [SQLQueryString]) async throws {
        for start in stride(from: 0, to: rows.count, by: rowsPerStatement) {
            let chunk = rows[start..<min(start + rowsPerStatement, rows.count)]
            try await db.raw("\(unsafeRaw: head)" + chunk.joined(separator: ", ")).run()
        }
    }

    private static func appendVersion(
        _ db: any SQLDatabase, engine: DatabaseEngine, id: String, document: PromptDocument, author: String, at now: Date
    ) async throws -> String {
        guard let row = try await db.raw("""
            UPDATE prompts SET latest_version = latest_version + 1, name = \(bind: document.name),
                title = \(bind: document.title), summary = \(bind: document.summary), status = \(bind: (document.status ?? .active).rawValue),
                owner = \(bind: document.owner), tags = \(bind: try DocumentCodec.encodeTags(document.tags)), updated_at = \(bind: now),
                search_text = \(bind: searchText(document))
            WHERE id = \(bind: id) AND archived_at IS NULL
            RETURNING latest_version
            """).first() else {
            throw StorageError.conflict("prompt \(id) was archived or removed during the import")
        }
        try await index(db, engine: engine, id: id)
        var stored = document
        stored.version = try row.decode(column: "latest_version", as: Int.self)
        stored.labels = nil
        stored.baseVersion = nil
        try await insertVersion(db, id: id, document: stored, json: try DocumentCodec.encode(stored), author: author, at: now)
        return id
    }

    /// Every version of each prompt in `ids`, oldest first, in a few queries however many prompts.
    public func allVersions(of ids: [String]) async throws -> [String: [PromptVersionRecord]] {
        var out: [String: [PromptVersionRecord]] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let rows = try await store.read { db in
                try await db.raw("""
                    \(unsafeRaw: Self.selectVersion)
                    WHERE prompt_id IN (\(binds: chunk)) ORDER BY prompt_id, version
                    """).all().map(Self.versionRecord)
            }
            for record in rows { out[record.promptID, default: []].append(record) }
        }
        return out
    }

    /// The prompts with these names, archived or not, by name.
    public func find(names: [String]) async throws -> [String: PromptRecord] {
        var out: [String: PromptRecord] = [:]
        for chunk in stride(from: 0, to: names.count, by: 500).map({ Array(names[$0..<min($0 + 500, names.count)]) }) {
            let records = try await store.read { db in
                try await db.raw("\(unsafeRaw: Self.selectPrompt) WHERE p.name IN (\(binds: chunk))").all().map(Self.record)
            }
            for record in try await withLabels(records) { out[record.document.name] = record }
        }
        return out
    }
}
