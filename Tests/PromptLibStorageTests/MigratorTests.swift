import PromptLibStorage
import PromptLibTestSupport
import SQLKit
import Testing

@Suite("Migrations")
struct MigratorTests {
    @Test("apply in order, are recorded, and run only once", arguments: TestEngine.available)
    func appliesOnce(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database in try await database.withStore { store in
            let migrator = Migrator(store: store, logger: testLogger)
            #expect(try await migrator.migrate() == Migrations.all.map(\.version))
            #expect(try await migrator.migrate() == [])
            #expect(try await migrator.appliedVersions().sorted() == Migrations.all.map(\.version))
            let tables = try await store.withDatabase { db in
                try await db.raw("SELECT COUNT(*) AS n FROM prompt_versions").first()?.decode(column: "n", as: Int.self)
            }
            #expect(tables == 0)
        } }
    }

    @Test("a failing migration leaves nothing behind", arguments: TestEngine.available)
    func failingMigrationRollsBack(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database in try await database.withStore { store in
            let broken = Migration(version: 1, name: "broken") { _ in
                ["CREATE TABLE half_done (id INTEGER)", "THIS IS NOT SQL"]
            }
            await #expect(throws: StorageError.self) {
                try await Migrator(store: store, migrations: [broken], logger: testLogger).migrate()
            }
            let recorded = try await Migrator(store: store, migrations: [], logger: testLogger).appliedVersions()
            #expect(recorded == [])
            // The table created before the failing statement was rolled back with it.
            await #expect(throws: StorageError.self) {
                try await store.withDatabase { try await $0.raw("SELECT * FROM half_done").run() }
            }
        } }
    }

    @Test("concurrent migrators apply each migration exactly once", arguments: TestEngine.available)
    func concurrentMigrators(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database in
            var stores: [any SQLStore] = []
            for _ in 0..<3 { stores.append(try await database.openStore()) }
            let migrators = stores.map { Migrator(store: $0, logger: testLogger) }
            var applied: [Int] = []
            var failure: (any Error)?
            do {
                applied = try await withThrowingTaskGroup(of: [Int].self) { group in
                    for migrator in migrators { group.addTask { try await migrator.migrate() } }
                    return try await group.reduce(into: [Int]()) { $0 += $1 }
                }
            } catch {
                failure = error
            }
            for store in stores { await store.close() }
            #expect(failure == nil, "\(String(describing: failure))")
            #expect(applied.sorted() == Migrations.all.map(\.version))
        }
    }
}
