public import SQLKit

/// A SQL database that repositories run their queries on: embedded SQLite or a PostgreSQL pool.
///
/// Every call either completes, or fails with a ``StorageError`` within the store's timeout,
/// so that a database outage turns into a clear error instead of a hung request.
public protocol SQLStore: Sendable {
    /// Which engine this is; migrations use it to choose column types.
    var engine: DatabaseEngine { get }

    /// Runs `body` with a database for independent queries.
    func withDatabase<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R

    /// Runs `body`, which only reads, with a database that may run beside others' reads: SQLite
    /// keeps reader connections beside its one writer. It sees every write committed before it began.
    func read<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R

    /// Runs `body`, which only reads, where every committed write is seen: never on a read replica
    /// (``ReplicatedStore``), which may lag. For what must be current, such as a session a logout
    /// just revoked. SQLite's readers serve it as they serve ``read(_:)``.
    func readCurrent<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R

    /// Runs `body` inside one transaction: committed when it returns, rolled back when it throws.
    func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R

    /// Answers a trivial query within `timeout`, or throws ``StorageError/unavailable(_:)``.
    func ping(timeout: Duration) async throws

    /// Closes every connection; the store must not be used afterwards.
    func close() async

    /// Why the database cannot be reached, in its own words, found by trying once more; nil when it
    /// can be reached or has nothing to say. For start-up and admin commands, never a request.
    func connectionProblem() async -> StorageError?
}

extension SQLStore {
    /// A pool of connections reads as it writes.
    public func read<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await withDatabase(body)
    }

    /// A store without a replica reads the current state whichever way it reads.
    public func readCurrent<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await read(body)
    }

    /// An embedded database has no connection to refuse.
    public func connectionProblem() async -> StorageError? { nil }

    /// Runs BEGIN / COMMIT / ROLLBACK around `body` on a single-session database.
    ///
    /// When even the ROLLBACK fails, `abandon` runs: the session may still be inside the
    /// transaction and must never be reused.
    static func runTransaction<R: Sendable>(
        on database: any SQLDatabase, begin: String = "BEGIN",
        abandon: @Sendable () async -> Void = {},
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> R
    ) async throws -> R {
        try await database.raw(SQLQueryString(begin)).run()
        do {
            let result = try await body(database)
            try await database.raw("COMMIT").run()
            return result
        } catch {
            do {
                try await database.raw("ROLLBACK").run()
            } catch {
                await abandon()
            }
            // The original error matters more than the rollback's.
            throw error
        }
    }
}
