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
}

private extension PreparedAnswer {
    var name: String? {
        if case .row(let row) = self, case .text(let name) = row.values.first { name } else { nil }
    }
    var isNoRow: Bool { if case .noRow = self { true } else { false } }
}
