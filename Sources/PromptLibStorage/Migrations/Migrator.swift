import Foundation
import Logging
import SQLKit

/// Applies pending migrations, each in its own transaction, and records them in `schema_migrations`.
///
/// Safe to run from several replicas at once: on PostgreSQL each transaction first takes an
/// advisory lock and re-reads what is applied, so every migration runs exactly once.
public struct Migrator: Sendable {
    let store: any SQLStore
    let migrations: [Migration]
    let logger: Logger

    /// Creates a migrator for `store`.
    public init(store: any SQLStore, migrations: [Migration] = Migrations.all, logger: Logger) {
        self.store = store
        self.migrations = migrations
        self.logger = logger
    }

    /// Applies every pending migration and returns the versions it applied.
    @discardableResult
    public func migrate() async throws -> [Int] {
        var applied: [Int] = []
        for migration in migrations.sorted(by: { $0.version < $1.version }) {
            if try await apply(migration) { applied.append(migration.version) }
        }
        let newest = try await appliedVersions().max() ?? 0
        if let known = migrations.map(\.version).max(), newest > known {
            logger.warning("database schema is newer than this binary", metadata: [
                "database_schema_version": "\(newest)", "binary_schema_version": "\(known)",
            ])
        }
        return applied
    }

    /// Versions recorded as applied.
    public func appliedVersions() async throws -> [Int] {
        let engine = store.engine
        return try await store.transaction { db in
            try await Self.prepare(db, engine: engine)
            return try await db.raw("SELECT version FROM schema_migrations").all()
                .map { try $0.decode(column: "version", as: Int.self) }
        }
    }

    private func apply(_ migration: Migration) async throws -> Bool {
        let engine = store.engine
        let didApply = try await store.transaction { db in
            try await Self.prepare(db, engine: engine)
            let done = try await db.raw(
                "SELECT version FROM schema_migrations WHERE version = \(bind: migration.version)"
            ).first()
            if done != nil { return false }
            for statement in migration.statements(engine) {
                try await db.raw(SQLQueryString(statement)).run()
            }
            try await db.raw("""
                INSERT INTO schema_migrations (version, name, applied_at)
                VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Date()))
                """).run()
            return true
        }
        if didApply {
            logger.info("applied migration", metadata: ["migration": "\(migration.version)", "name": "\(migration.name)"])
        }
        return didApply
    }

    private static func prepare(_ db: any SQLDatabase, engine: DatabaseEngine) async throws {
        if engine == .postgres {
            // An arbitrary constant shared by every PromptLib replica: "PLib" in ASCII.
            try await db.raw("SELECT pg_advisory_xact_lock(1347177314)").run()
        }
        try await db.raw("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at \(unsafeRaw: engine.timestampType) NOT NULL
            )
            """).run()
    }
}
