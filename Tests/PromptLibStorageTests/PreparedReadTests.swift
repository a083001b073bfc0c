import Foundation
import PromptLibCore
import PromptLibStorage
import PromptLibTestSupport
import SQLKit
import Testing

/// The hot fetch runs prepared statements — on SQLite on the calling thread (`SQLiteDirectReader`),
/// on PostgreSQL prepared once per connection — and must answer what a plain query answers: every
/// committed write, at once.
@Suite("Prepared reads")
struct PreparedReadTests {
    @Test("a fetch sees every write at once: a new name, a rename, a moved label, an older version", arguments: TestEngine.available)
    func seesWrites(engine: TestEngine) async throws {
        try await withMigratedStore(engine) { store in
            let repository = SQLPromptRepository(store: store)
            let labels = SQLLabelRepository(store: store)
            let created = try await repository.create(sampleDocument("prepared/one", goal: "Résumé ✓ 🚀 of {{text}}"), author: "a")
            let first = try await repository.find(name: "prepared/one")
            #expect(first?.labels == [:])
            #expect(first?.document.prompt.goal == "Résumé ✓ 🚀 of {{text}}", "text read by its bytes")
            let listed = try await repository.list(limit: 10, cursor: nil, includeArchived: false).items.first
            #expect(listed?.createdAt == first?.createdAt && listed?.updatedAt == first?.updatedAt, "the same times as a plain query reads")

            var renamed = sampleDocument("prepared/two")
            renamed.title = "Second"
            _ = try await repository.addVersion(to: created.id, renamed, author: "a", expectedVersion: 1, transferTo: nil)
            #expect(try await repository.find(name: "prepared/one") == nil)
            let found = try await repository.find(name: "prepared/two")
            #expect(found?.document.title == "Second")
            #expect(found?.document.version == 2)
            #expect(try await repository.version(of: created.id, number: 1)?.document.title == "Title of prepared/one")
            #expect(try await repository.version(of: created.id, number: 3) == nil)

            _ = try await labels.move(promptID: created.id, label: "production", to: 1, by: "a", now: Date())
            #expect(try await repository.find(id: created.id)?.labels == ["production": 1])
            _ = try await labels.move(promptID: created.id, label: "production", to: 2, by: "a", now: Date())
            #expect(try await repository.find(id: created.id)?.labels == ["production": 2])
            #expect(try await repository.find(id: "no-such-id") == nil)

            // On SQLite the answers above came from the prepared statements themselves.
            if let sqlite = store as? SQLiteStore {
                #expect(try sqlite.preparedRow("SELECT name FROM prompts WHERE id = ?1", binds: [.text(created.id)]).name == "prepared/two")
                #expect(try sqlite.preparedRow("SELECT name FROM prompts WHERE id = ?1", binds: [.text("no-such-id")]).isNoRow)
            }
        }
    }

    @Test("a prepared read PostgreSQL refuses is read as a plain query, and the next one is prepared again")
    func refusedPrepareFallsBack() async throws {
        guard TestEngine.available.contains(.postgres) else { return }
        try await withTestDatabase(.postgres) { database in
            let url = try #require(database.postgresURL)
            // One connection, on which a statement of the lookup's name already exists: what an old
            // pooler in transaction mode does to a client's prepared statements.
            let store = PostgresStore(url: url, poolSize: 1, logger: testLogger)
            do {
                try await Migrator(store: store, logger: testLogger).migrate()
                let repository = SQLPromptRepository(store: store)
                let created = try await repository.create(sampleDocument("prepared/refused"), author: "a")
                try await store.withDatabase { db in try await db.raw("PREPARE promptlib_prompt_by_name AS SELECT 1").run() }
                #expect(try await repository.find(name: "prepared/refused")?.id == created.id)
                #expect(try await repository.find(name: "prepared/refused")?.id == created.id)
                let prepared = try await store.withDatabase { db in
                    try await db.raw("SELECT count(*) AS n FROM pg_prepared_statements WHERE name = 'promptlib_prompt_by_name' AND statement LIKE '%prompt_labels%'").first()?
                        .decode(column: "n", as: Int.self)
                }
                #expect(prepared == 1, "the connection that refused was replaced by one that prepared the lookup")
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        }
    }
}

private extension PreparedAnswer {
    var name: String? {
        if case .row(let row) = self, case .text(let name) = row.values.first { name } else { nil }
    }
    var isNoRow: Bool { if case .noRow = self { true } else { false } }
}
