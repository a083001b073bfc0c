import Foundation
import PostgresNIO
import PromptLibCore

/// The uncached fetch on PostgreSQL — a prompt with its labels by id or by name — as a statement
/// each connection prepares once (``PreparingStore/readPrepared(_:)``). Sent as a plain query, PostgreSQL
/// parsed and planned it on every fetch, which cost more than running it: pgbench on this query,
/// 64 clients on two cores, 8,100 executions a second as plain queries, 39,800 prepared.
protocol PostgresPromptLookup: PostgresPreparedStatement where Row == PromptRecord {
    /// The id or the name looked up.
    var key: String { get }
}

extension PostgresPromptLookup {
    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(key)
        return bindings
    }

    /// A row of ``SQLPromptRepository/postgresSelectPromptWithLabels``, by its columns' positions.
    func decodeRow(_ row: PostgresRow) throws -> PromptRecord {
        let (id, ownerID, createdAt, updatedAt, archivedAt, document, author, labels) =
            try row.decode((String, String?, Date, Date, Date?, String, String, String?).self)
        var record = PromptRecord(id: id, document: try DocumentCodec.decode(document), author: author,
                                  createdAt: createdAt, updatedAt: updatedAt, archivedAt: archivedAt)
        record.ownerID = ownerID
        record.labels = try SQLPromptRepository.labels(labels)
        return record
    }
}

/// A prompt by its id.
struct PostgresPromptByID: PostgresPromptLookup {
    static let name = "promptlib_prompt_by_id"
    static let sql = SQLPromptRepository.postgresSelectPromptWithLabels + " WHERE p.id = $1"
    let key: String
}

/// A prompt by its name.
struct PostgresPromptByName: PostgresPromptLookup {
    static let name = "promptlib_prompt_by_name"
    static let sql = SQLPromptRepository.postgresSelectPromptWithLabels + " WHERE p.name = $1"
    let key: String
}
