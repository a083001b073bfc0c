import Foundation
import Synchronization
// SQLiteNIO's own copy of SQLite, the one its connections use. Not a declared product of
// sqlite-nio, but the module every SQLiteNIO build has; a second copy of SQLite in the process
// would be unsafe (two copies' POSIX locks on one file release each other's).
import VaporCSQLite

/// Prepared single-row reads of ``SQLiteStore``, run on the calling thread: the hot fetch of an
/// uncached prompt. A read through SQLiteNIO parses its statement anew and passes through a thread
/// pool and an event loop — three thread wake-ups and a parse for a lookup that takes SQLite a few
/// microseconds. Here each connection keeps its statements prepared, and the read runs where the
/// request is.
///
/// Such a read does not wait on a busy handler (the connections have none): a file another process
/// holds (while it recovers the write-ahead log after a crash, say) answers `SQLITE_BUSY`, and the
/// caller reads through the pooled readers, which wait. It can still block its thread — on a disk
/// read, or in SQLite's own short retries while the log's index keeps changing — hence
/// ``maximumConnections``. Only lookups by index belong here, never a scan or a search.
final class SQLiteDirectReader: Sendable {
    private let path: String
    private let idle = Mutex<[SQLiteDirectConnection]>([])
    private let opened = Atomic<Int>(0)
    private let closed = Atomic<Bool>(false)

    /// Connections at most: one fewer than the cores, at least one. Requests run on Swift's shared
    /// pool of one thread a core, and a read blocks its thread — for microseconds, but for a disk
    /// read when a page is not in memory — so one thread is always left to the other requests
    /// (and the health check); past this a read goes the pooled way. On two cores that costs the
    /// uncached fetch about a tenth of its rate (docs/performance.md).
    static let maximumConnections = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)

    init(path: String) {
        self.path = path
    }

    /// Runs `sql` with its binds (`?1`, `?2` …) and returns its first row.
    func row(_ sql: String, binds: [PreparedRow.Value]) throws -> PreparedAnswer {
        guard let connection = take() else { return .unavailable }
        defer { give(connection) }
        return try connection.row(sql, binds: binds)
    }

    /// Closes every idle connection; one in use closes as it is given back.
    func close() {
        closed.store(true, ordering: .sequentiallyConsistent)
        for connection in idle.withLock({ idle in defer { idle = [] }; return idle }) { connection.close() }
    }

    private func take() -> SQLiteDirectConnection? {
        guard !closed.load(ordering: .sequentiallyConsistent) else { return nil }
        if let connection = idle.withLock({ $0.popLast() }) { return connection }
        // Counted before the open, so parallel reads cannot open more than the maximum.
        guard opened.add(1, ordering: .relaxed).newValue <= Self.maximumConnections else {
            opened.subtract(1, ordering: .relaxed)
            return nil
        }
        do {
            return try SQLiteDirectConnection(path: path, mmapBytes: SQLiteReader.mmapBytes)
        } catch {
            // The pooled readers then read, and report what is wrong with the file if anything is.
            opened.subtract(1, ordering: .relaxed)
            return nil
        }
    }

    private func give(_ connection: SQLiteDirectConnection) {
        let kept = idle.withLock { idle in
            guard !closed.load(ordering: .sequentiallyConsistent) else { return false }
            idle.append(connection)
            return true
        }
        if !kept { connection.close() }
    }
}
