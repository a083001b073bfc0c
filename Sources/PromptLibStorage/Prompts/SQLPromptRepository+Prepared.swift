import Foundation
import Logging
import PostgresNIO
import PromptLibCore

extension SQLPromptRepository {
    /// The prompt by `key`, read by a statement each connection prepares once: on SQLite on the
    /// calling thread, on PostgreSQL on a pooled connection. Nil when the store reads no prepared
    /// statement now (``PreparedAnswer/unavailable``): the caller queries as usual.
    func preparedFind(_ key: OneKey) async throws -> PromptRecord?? {
        try await prepared(sqlite: key.sqlitePrepared, binds: [.text(key.value)], Self.labelledRecord, postgres: key.postgresLookup)
    }

    /// Version `number` of prompt `id`, read as ``preparedFind(_:)`` reads: a fetch by a label
    /// that points below the latest version reads it after the prompt.
    func preparedVersion(of id: String, number: Int) async throws -> PromptVersionRecord?? {
        try await prepared(sqlite: Self.sqliteVersion, binds: [.text(id), .integer(Int64(number))], Self.versionRecord,
                           postgres: PostgresVersionLookup(promptID: id, number: number))
    }

    /// The first row of a prepared statement, on whichever engine the store is.
    private func prepared<Statement: PostgresPreparedStatement>(
        sqlite sql: String, binds: [PreparedRow.Value], _ decode: (PreparedRow) throws -> Statement.Row, postgres statement: Statement
    ) async throws -> Statement.Row?? where Statement.Row: Sendable {
        if let sqlite = store as? SQLiteStore {
            switch try sqlite.preparedRow(sql, binds: binds) {
            case .row(let row): return .some(try decode(row))
            case .noRow: return .some(nil)
            case .unavailable: return nil
            }
        }
        guard let preparing = store as? any PreparingStore else { return nil }
        return try await preparing.readPrepared { connection in try await Self.first(statement, on: connection) }
    }

    private static func first<Statement: PostgresPreparedStatement>(_ statement: Statement, on connection: PostgresConnection) async throws -> Statement.Row? {
        var found: Statement.Row?
        for try await row in try await connection.execute(statement, logger: preparedLogger) { found = row }
        return found
    }

    /// PostgresNIO logs a prepared statement's execution at debug level and below only.
    private static let preparedLogger = Logger(label: "promptlib.storage")

    static let sqliteByID = sqliteSelectPromptWithLabels + " WHERE p.id = ?1"
    static let sqliteByName = sqliteSelectPromptWithLabels + " WHERE p.name = ?1"
    static let sqliteVersion = selectVersion + " WHERE prompt_id = ?1 AND version = ?2"

    /// A row of ``sqliteSelectPromptWithLabels``, by the position of its columns: id, owner_id,
    /// created_at, updated_at, archived_at, document, author, labels_json.
    static func labelledRecord(_ row: PreparedRow) throws -> PromptRecord {
        var record = PromptRecord(
            id: try row.string(0),
            document: try DocumentCodec.decode(row.string(5)),
            author: try row.string(6),
            createdAt: try row.date(2),
            updatedAt: try row.date(3),
            archivedAt: try row.optionalDate(4)
        )
        record.ownerID = try row.optionalString(1)
        record.labels = try labels(row.optionalString(7))
        return record
    }

    /// A row of ``selectVersion``, by the position of its columns: prompt_id, document, author, created_at.
    static func versionRecord(_ row: PreparedRow) throws -> PromptVersionRecord {
        PromptVersionRecord(promptID: try row.string(0), document: try DocumentCodec.decode(row.string(1)),
                            author: try row.string(2), createdAt: try row.date(3))
    }

    /// Label sets decoded lately, by their JSON: a prompt's labels rarely change, and every
    /// uncached fetch reads them.
    private static let decodedLabels = ByteBoundedMemo<String, [String: Int]>(capacityBytes: 1 << 20, largestItem: 16 << 10)

    /// A prompt's labels from the JSON object its query aggregates (null without labels).
    static func labels(_ json: String?) throws -> [String: Int] {
        guard let json else { return [:] }
        if let labels = decodedLabels.value(for: json) { return labels }
        let labels = try JSONDecoder().decode([String: Int].self, from: Data(json.utf8))
        decodedLabels.store(labels, bytes: json.utf8.count * 3, for: json)
        return labels
    }
}
