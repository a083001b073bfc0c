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
            for write in writes {
                switch write {
                case .create(let versions, let labels):
                    ids.append(try await Self.insertPrompt(db, engine: engine, versions: versions, labels: labels, author: author, at: now))
                case .append(let id, let document):
                    ids.append(try await Self.appendVersion(db, engine: engine, id: id, document: document, author: author, at: now))
                }
            }
            return ids
        }
    }

    /// Inserts a new prompt with `versions` (stored as 1…N) and `labels`; returns its id.
    static func insertPrompt(
        _ db: any SQLDatabase, engine: DatabaseEngine, versions: [PromptDocument], labels: [String: Int], author: String, at now: Date
    ) async throws -> String {
        guard let last = versions.last else { throw StorageError.queryFailed("an imported prompt needs a version") }
        let id = UUID().uuidString.lowercased()
        try await db.raw("""
            INSERT INTO prompts (id, name, title, summary, status, owner, tags, latest_version, created_at, updated_at, search_text)
            VALUES (\(bind: id), \(bind: last.name), \(bind: last.title), \(bind: last.summary), \(bind: (last.status ?? .active).rawValue),
                    \(bind: last.owner), \(bind: try DocumentCodec.encodeTags(last.tags)), \(bind: versions.count), \(bind: now), \(bind: now),
                    \(bind: searchText(last)))
            """).run()
        try await index(db, engine: engine, id: id)
        for (offset, document) in versions.enumerated() {
            var stored = document
            stored.version = offset + 1
            stored.labels = nil
            stored.baseVersion = nil
            try await insertVersion(db, id: id, document: stored, json: try DocumentCodec.encode(stored), author: author, at: now)
        }
        for (label, version) in labels.sorted(by: { $0.key < $1.key }) {
            try await db.raw("""
                INSERT INTO prompt_labels (prompt_id, label, version, moved_by, moved_at)
                VALUES (\(bind: id), \(bind: label), \(bind: version), \(bind: author), \(bind: now))
                """).run()
            try await db.raw("""
                INSERT INTO label_moves (prompt_id, label, from_version, to_version, moved_by, moved_at)
                VALUES (\(bind: id), \(bind: label), \(bind: Int?.none), \(bind: version), \(bind: author), \(bind: now))
                """).run()
        }
        return id
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
            let rows = try await store.withDatabase { db in
                try await db.raw("""
                    SELECT prompt_id, document, author, created_at FROM prompt_versions
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
            let records = try await store.withDatabase { db in
                try await db.raw("\(unsafeRaw: Self.selectPrompt) WHERE p.name IN (\(binds: chunk))").all().map(Self.record)
            }
            for record in try await withLabels(records) { out[record.document.name] = record }
        }
        return out
    }
}
