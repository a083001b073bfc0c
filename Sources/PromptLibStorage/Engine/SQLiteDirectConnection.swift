// SQLiteNIO's own copy of SQLite (see SQLiteDirectReader.swift).
import VaporCSQLite

/// One read-only connection of ``SQLiteDirectReader`` with its prepared statements, used by one
/// thread at a time (the reader hands it out to one caller and takes it back).
final class SQLiteDirectConnection: @unchecked Sendable {
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]

    init(path: String, mmapBytes: Int) throws {
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK else {
            let message = handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "status \(status)"
            sqlite_nio_sqlite3_close_v2(handle)
            throw StorageError.unavailable("cannot open a reader on the SQLite database at \(path): \(message)")
        }
        // Pages through the OS's cache, shared with the other readers (``SQLiteReader``).
        let pragma = sqlite_nio_sqlite3_exec(handle, "PRAGMA mmap_size = \(mmapBytes)", nil, nil, nil)
        guard pragma == SQLITE_OK else {
            defer { close() }
            throw error(pragma)
        }
    }

    func row(_ sql: String, binds: [PreparedRow.Value]) throws -> PreparedAnswer {
        // Preparing reads the schema, so a locked file can refuse it too.
        guard let statement = try prepared(sql) else { return .unavailable }
        // Reset ends the read transaction: a statement left open would pin an old snapshot. The
        // binds are not cleared, only overwritten: `sqlite3_clear_bindings` expires a statement
        // whose plan SQLite marked as depending on any bind, and the prompt lookup is so marked
        // (measured: a re-prepare on every read after clearing, none after rebinding alone).
        defer { sqlite_nio_sqlite3_reset(statement) }
        for (index, bind) in binds.enumerated() {
            let position = Int32(index + 1)
            let status = switch bind {
            case .text(let text): sqlite_nio_sqlite3_bind_text64(statement, position, text, UInt64(text.utf8.count), transient, UInt8(SQLITE_UTF8))
            case .integer(let integer): sqlite_nio_sqlite3_bind_int64(statement, position, integer)
            case .real(let real): sqlite_nio_sqlite3_bind_double(statement, position, real)
            case .null: sqlite_nio_sqlite3_bind_null(statement, position)
            }
            guard status == SQLITE_OK else { throw error(status) }
        }
        switch sqlite_nio_sqlite3_step(statement) {
        case SQLITE_ROW:
            return .row(PreparedRow(values: (0..<sqlite_nio_sqlite3_column_count(statement)).map { value(statement, $0) }))
        case SQLITE_DONE:
            return .noRow
        case let status where Self.isBusy(status):
            return .unavailable
        case let status:
            throw error(status)
        }
    }

    /// The file is locked by another connection for now: `SQLITE_BUSY` or `SQLITE_LOCKED`, with
    /// or without an extended code, or `SQLITE_PROTOCOL` (the write-ahead log's index kept changing
    /// under a reader that retried).
    private static func isBusy(_ status: Int32) -> Bool {
        [SQLITE_BUSY, SQLITE_LOCKED, SQLITE_PROTOCOL].contains(status & 0xFF)
    }

    deinit {
        close()
    }

    /// Finalizes the statements and closes the connection; nothing after this uses it.
    func close() {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
        statements = [:]
        sqlite_nio_sqlite3_close_v2(handle)
        handle = nil
    }

    /// SQLite's `SQLITE_TRANSIENT` (a C macro Swift does not import): the bind is copied.
    private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// `sql` prepared on this connection, or nil when the file is busy.
    private func prepared(_ sql: String) throws -> OpaquePointer? {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        if Self.isBusy(status) { return nil }
        guard status == SQLITE_OK, let statement else { throw error(status) }
        statements[sql] = statement
        return statement
    }

    private func value(_ statement: OpaquePointer, _ column: Int32) -> PreparedRow.Value {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite_nio_sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT:
            return .real(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_NULL:
            return .null
        default:
            // Text (and a blob read as text): by its length, since text may hold NUL.
            guard let bytes = sqlite_nio_sqlite3_column_text(statement, column) else { return .null }
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
        }
    }

    private func error(_ status: Int32) -> StorageError {
        let message = handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "status \(status)"
        switch status & 0xFF {
        case SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_FULL, SQLITE_BUSY, SQLITE_LOCKED: return .unavailable(message)
        default: return .queryFailed(message)
        }
    }
}
