import Foundation
import Logging
import PromptLibStorage
import SQLKit

/// The engines the suite runs against: SQLite always, PostgreSQL when `PROMPTLIB_TEST_POSTGRES_URL`
/// is set (scripts/test.sh sets it) and always under `CI=true`, where a missing server must fail.
public enum TestEngine: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite, postgres

    /// The engines available to this run.
    public static var available: [TestEngine] {
        let env = ProcessInfo.processInfo.environment
        let hasPostgres = !(env["PROMPTLIB_TEST_POSTGRES_URL"] ?? "").isEmpty
        return hasPostgres || env["CI"] == "true" ? [.sqlite, .postgres] : [.sqlite]
    }

    public var description: String { rawValue }
}


/// A fresh, empty database for one test, on either engine, dropped by ``withTestDatabase(_:_:)``.
public struct TestDatabase: Sendable {
    public let engine: TestEngine
    /// Scratch directory for this test (the SQLite file, generated secrets).
    public let directory: String
    /// The PostgreSQL URL of this test's own database; `nil` for SQLite.
    public let postgresURL: PostgresURL?
    let postgresName: String?

    /// The SQLite file's path.
    public var sqlitePath: String { (directory as NSString).appendingPathComponent("promptlib.sqlite") }

    /// Opens a store on this database (not migrated).
    public func openStore() async throws -> any SQLStore {
        if let postgresURL {
            return PostgresStore(url: postgresURL, poolSize: 4, logger: testLogger)
        }
        return try await SQLiteStore.open(path: sqlitePath, logger: testLogger)
    }
}

/// A quiet logger for tests; set `PROMPTLIB_TEST_LOG=debug` to see everything.
public let testLogger: Logger = {
    var logger = Logger(label: "promptlib-test")
    logger.logLevel = ProcessInfo.processInfo.environment["PROMPTLIB_TEST_LOG"].flatMap { Logger.Level(rawValue: $0) } ?? .critical
    return logger
}()

/// Runs `body` with a new empty database on `engine`, then removes it whatever happens.
public func withTestDatabase<R: Sendable>(
    _ engine: TestEngine, _ body: (TestDatabase) async throws -> R
) async throws -> R {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("promptlib-test-\(UUID().uuidString.prefix(8))").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    guard engine == .postgres else {
        return try await body(TestDatabase(engine: engine, directory: directory, postgresURL: nil, postgresName: nil))
    }
    // Swift Testing runs every test at once; on two cores PostgreSQL then answers some of them
    // after the stores' timeouts. A few databases at a time keeps the suite fast and reliable.
    await postgresGate.acquire()
    do {
        let result = try await withPostgresDatabase(directory: directory, body)
        await postgresGate.release()
        return result
    } catch {
        await postgresGate.release()
        throw error
    }
}

private func withPostgresDatabase<R: Sendable>(directory: String, _ body: (TestDatabase) async throws -> R) async throws -> R {
    let admin = try PostgresAdmin()
    let name = "plt_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
    try await admin.execute("CREATE DATABASE \(name)")
    var url = admin.url
    url.database = name
    let database = TestDatabase(engine: .postgres, directory: directory, postgresURL: url, postgresName: name)
    do {
        let result = try await body(database)
        try await admin.execute("DROP DATABASE \(name) WITH (FORCE)")
        await admin.close()
        return result
    } catch {
        try? await admin.execute("DROP DATABASE \(name) WITH (FORCE)")
        await admin.close()
        throw error
    }
}

/// A connection to the test server's maintenance database, for creating and dropping databases.
struct PostgresAdmin {
    let url: PostgresURL
    let store: PostgresStore

    init() throws {
        guard let text = ProcessInfo.processInfo.environment["PROMPTLIB_TEST_POSTGRES_URL"], !text.isEmpty else {
            throw TestSetupError("PostgreSQL tests need PROMPTLIB_TEST_POSTGRES_URL; run ./scripts/test.sh, which starts a server")
        }
        url = try PostgresURL(text)
        store = PostgresStore(url: url, poolSize: 1, operationTimeout: .seconds(60), logger: testLogger)
    }

    func execute(_ sql: String) async throws {
        try await store.withDatabase { try await $0.raw(SQLQueryString(sql)).run() }
    }

    func close() async { await store.close() }
}

/// A test environment that cannot run the suite.
public struct TestSetupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension TestDatabase {
    /// Runs `body` with a store on this database (not migrated), closing it afterwards.
    public func withStore<R: Sendable>(_ body: (any SQLStore) async throws -> R) async throws -> R {
        let store = try await openStore()
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}

/// At most this many PostgreSQL test databases exist at once.
let postgresGate = AsyncSemaphore(limit: 4)

/// A counting semaphore for async code.
actor AsyncSemaphore {
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { available = limit }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            available += 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}
