import Foundation
import Logging
import PromptLibStorage

/// Opens the store the configuration names and brings its schema up to date.
public enum StoreFactory {
    /// Opens the store without migrating it. With `readReplica`, the server's reads may go to
    /// `DATABASE_READ_URL` (``ReplicatedStore``); commands that write through what they just read
    /// (the CLI) leave it out.
    public static func open(_ configuration: AppConfiguration, readReplica: Bool = false, logger: Logger) async throws -> any SQLStore {
        try FileManager.default.createDirectory(atPath: configuration.storageDirectory, withIntermediateDirectories: true)
        switch configuration.database {
        case .sqlite(let path):
            return try await SQLiteStore.open(path: path, logger: logger)
        case .postgres(let url):
            let prepared = configuration.databasePreparedStatements
            let primary = PostgresStore(url: url, poolSize: configuration.databasePoolSize, preparedStatements: prepared, logger: logger)
            guard readReplica, let replicaURL = configuration.databaseReadReplica else { return primary }
            // A replica that stops answering costs a read two seconds once, then the primary answers.
            let replica = PostgresStore(url: replicaURL, poolSize: configuration.databasePoolSize, operationTimeout: .seconds(2),
                                        preparedStatements: prepared, logger: logger)
            return ReplicatedStore(primary: primary, replica: replica, window: .seconds(configuration.readAfterWriteSeconds), logger: logger)
        }
    }

    /// Applies pending migrations, waiting up to `patience` for a database that is still starting
    /// (as PostgreSQL is when a whole Compose stack comes up at once).
    public static func migrate(_ store: any SQLStore, logger: Logger, patience: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + patience
        while true {
            do {
                // On the primary: the reindex reads what it then writes.
                try await ReadRouting.onPrimary {
                    try await Migrator(store: store, logger: logger).migrate()
                    try await SQLPromptRepository(store: store).reindexSearch(logger: logger)
                }
                return
            } catch let error as StorageError {
                guard case .unavailable = error else { throw error }
                // The database's own reason, asked for here and not on requests: a refusal that
                // waiting will not cure (no such database, a wrong password) ends start-up at once.
                let reason = await store.connectionProblem() ?? error
                if reason.isPermanentRefusal || ContinuousClock.now >= deadline { throw reason }
                logger.warning("database not reachable yet; retrying", metadata: ["reason": "\(reason)"])
                try await Task.sleep(for: .seconds(1))
            }
        }
    }
}
