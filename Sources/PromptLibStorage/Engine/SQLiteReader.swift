import Logging
import NIOPosix
import SQLiteKit
import Synchronization

/// One reader connection of ``SQLiteStore``: the same file, `query_only` so nothing can write
/// through it, a thread of its own (SQLite blocks its thread), and a mutex, since one connection
/// runs one statement at a time.
final class SQLiteReader: Sendable {
    private let connection: SQLiteConnection
    private let threadPool: NIOThreadPool
    private let database: any SQLDatabase
    private let mutex = AsyncMutex()
    /// Statements running or waiting on this reader, so that a read goes to the least busy one.
    let queued = Atomic<Int>(0)

    private init(connection: SQLiteConnection, threadPool: NIOThreadPool) {
        self.connection = connection
        self.threadPool = threadPool
        self.database = connection.sql(queryLogLevel: nil)
    }

    /// How much of the file readers map: 1 GiB, far above a library of 100,000 prompts.
    static let mmapBytes = 1 << 30

    static func open(path: String, logger: Logger) async throws -> SQLiteReader {
        let threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        do {
            let connection = try await SQLiteConnection.open(
                storage: .file(path: path), threadPool: threadPool, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any()
            )
            let reader = SQLiteReader(connection: connection, threadPool: threadPool)
            try await reader.run { db in
                try await db.raw("PRAGMA busy_timeout = 5000").run()
                try await db.raw("PRAGMA query_only = ON").run()
                // Pages read through the OS's cache, shared by every connection, rather than copied
                // into each reader's own small cache: readers would otherwise each warm up apart.
                try await db.raw("PRAGMA mmap_size = \(unsafeRaw: String(SQLiteReader.mmapBytes))").run()
            }
            return reader
        } catch {
            try? await threadPool.shutdownGracefully()
            throw StorageError.unavailable("cannot open a reader on the SQLite database at \(path): \(error)")
        }
    }

    func run<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let database = self.database
        queued.add(1, ordering: .relaxed)
        defer { queued.subtract(1, ordering: .relaxed) }
        return try await mutex.withLock { try await body(database) }
    }

    func close() async {
        try? await connection.close()
        try? await threadPool.shutdownGracefully()
    }
}
