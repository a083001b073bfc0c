import Logging
import NIOPosix
import NIOSSL
import PostgresKit
import Synchronization

/// The PostgreSQL store: a PostgresNIO connection pool that runs for the store's lifetime.
public final class PostgresStore: SQLStore, PreparingStore {
    public var engine: DatabaseEngine { .postgres }
    private let client: PostgresClient
    private let runTask: Task<Void, Never>
    private let operationTimeout: Duration
    private let url: PostgresURL
    private let logger: Logger
    private let preparedStatements: Bool
    /// Whether a failed prepared read was logged: once per store, not once per fetch.
    private let preparedFailureLogged = Atomic<Bool>(false)

    /// Starts a pool of at most `poolSize` connections. Connections open lazily, so this succeeds
    /// even while the server is down; queries then fail with ``StorageError/unavailable(_:)``.
    /// With `preparedStatements` off, ``readPrepared(_:)`` answers nil and those reads are plain queries.
    public init(url: PostgresURL, poolSize: Int, operationTimeout: Duration = .seconds(5), preparedStatements: Bool = true, logger: Logger) {
        var configuration = PostgresClient.Configuration(
            host: url.host, port: url.port, username: url.username, password: url.password,
            database: url.database, tls: Self.tls(url.tls)
        )
        configuration.options.maximumConnections = max(1, poolSize)
        configuration.options.minimumConnections = 0
        configuration.options.connectTimeout = .seconds(3)
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.operationTimeout = operationTimeout
        self.url = url
        self.logger = logger
        self.preparedStatements = preparedStatements
        self.runTask = Task { await client.run() }
    }

    /// Why a connection of its own cannot be opened, in PostgreSQL's words (no such database,
    /// authentication failed), or nil when it can: the pool retries a refused connection quietly
    /// until its time-out, which says nothing of the reason.
    public func connectionProblem() async -> StorageError? {
        let tls: PostgresConnection.Configuration.TLS
        do {
            tls = switch url.tls {
            case .disable: .disable
            case .prefer: .prefer(try .init(configuration: .makeClientConfiguration()))
            case .require: .require(try .init(configuration: .makeClientConfiguration()))
            }
        } catch {
            return nil
        }
        let configuration = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.username, password: url.password,
                                                             database: url.database, tls: tls)
        do {
            let connection = try await withTimeout(.seconds(3)) { [logger] in
                try await PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 0, logger: logger).get()
            }
            try? await connection.close()
            return nil
        } catch let error as PSQLError {
            if let message = error.serverInfo?[.message] {
                // 3D000 no such database, 28xxx authentication: waiting will not help (``refusalPrefix``).
                let state = error.serverInfo?[.sqlState] ?? ""
                let permanent = state == "3D000" || state.hasPrefix("28")
                return .unavailable((permanent ? StorageError.refusalPrefix : "PostgreSQL is not ready: ") + message)
            }
            return .unavailable("PostgreSQL could not be reached at \(url.host):\(url.port) (\(error.code))")
        } catch {
            return nil
        }
    }

    private static func tls(_ mode: PostgresURL.TLSMode) -> PostgresClient.Configuration.TLS {
        switch mode {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
    }

    public func withDatabase<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await run { connection in try await body(connection.sql(queryLogLevel: nil)) }
    }

    func readPrepared<R: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> R) async throws -> R? {
        guard preparedStatements else { return nil }
        return try await run { connection -> R? in
            do {
                return try await body(connection)
            } catch let error as PSQLError where error.code == .server {
                // PostgresNIO keeps a failed prepare for the connection's life, so every later read
                // on it would fail too: the connection is dropped, and this read is a plain query.
                try? await connection.close()
                if !self.preparedFailureLogged.exchange(true, ordering: .relaxed) {
                    self.logger.warning("a prepared read failed; it is read as a plain query (set DATABASE_PREPARED_STATEMENTS=false behind a pooler that cannot keep prepared statements)",
                                        metadata: ["error": "\(error.serverInfo?[.sqlState] ?? ""): \(error.serverInfo?[.message] ?? "")"])
                }
                return nil
            }
        }
    }

    public func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        // A deadlock or serialization failure rolls the whole transaction back, so running it
        // again is safe; PostgreSQL picks one victim, and a retry after a short, random pause
        // usually goes through.
        var attempt = 1
        while true {
            do {
                return try await run { connection in
                    // Closing makes the pool discard a connection that might still be inside the transaction.
                    try await Self.runTransaction(on: connection.sql(queryLogLevel: nil), abandon: { try? await connection.close() }, body)
                }
            } catch StorageError.contention where attempt < Self.transactionAttempts {
                try await Task.sleep(for: .milliseconds(Int.random(in: 10...40) * attempt))
                attempt += 1
            }
        }
    }

    /// Tries of a transaction that deadlocks or fails to serialise.
    static let transactionAttempts = 4

    public func ping(timeout: Duration) async throws {
        try await mapErrors {
            try await withTimeout(timeout) {
                try await self.client.withConnection { try await $0.sql(queryLogLevel: nil).raw("SELECT 1").run() }
            }
        }
    }

    public func close() async {
        runTask.cancel()
        await runTask.value
    }

    private func run<R: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> R) async throws -> R {
        try await mapErrors {
            try await withTimeout(self.operationTimeout) {
                try await self.client.withConnection { try await body($0) }
            }
        }
    }

    private func mapErrors<R>(_ body: () async throws -> R) async throws -> R {
        do {
            return try await body()
        } catch let error as PSQLError {
            guard error.code == .server else {
                throw StorageError.unavailable("\(error.code)")
            }
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? "server error"
            // 23505 unique_violation; class 08 connection exceptions; 57P0x the server is shutting down.
            if state == "23505" { throw StorageError.conflict(message) }
            // 40P01 deadlock_detected, 40001 serialization_failure.
            if state == "40P01" || state == "40001" { throw StorageError.contention(message) }
            if state.hasPrefix("08") || state.hasPrefix("57P") { throw StorageError.unavailable(message) }
            throw StorageError.queryFailed("\(state): \(message)")
        } catch is NIOSSLError {
            throw StorageError.unavailable("TLS handshake failed")
        }
    }
}
