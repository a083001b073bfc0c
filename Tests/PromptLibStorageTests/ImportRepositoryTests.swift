import Foundation
import PromptLibCore
import PromptLibStorage
import PromptLibTestSupport
import Testing

@Suite("Import writes")
struct ImportRepositoryTests {
    @Test("versions and labels land together, numbered from 1", arguments: TestEngine.available)
    func createsWithHistory(engine: TestEngine) async throws {
        try await withMigratedStore(engine) { store in
            let repository = SQLPromptRepository(store: store)
            let versions = ["one", "two", "three"].map { sampleDocument("team/imported", goal: $0) }
            let ids = try await repository.importAll([.create(versions: versions, labels: ["production": 2])], author: "importer")
            let id = try #require(ids.first)
            let record = try #require(try await repository.find(id: id))
            #expect(record.document.version == 3 && record.document.prompt.goal == "three")
            #expect(record.labels == ["production": 2])
            let all = try await repository.allVersions(of: ids)
            #expect(all[ids[0]]?.map(\.document.prompt.goal) == ["one", "two", "three"])
            var query = PromptQuery()
            query.text = "imported"
            #expect(try await repository.search(query).items.count == 1, "imports are searchable")
        }
    }

    @Test("a write that fails part-way through an import leaves nothing of it", arguments: TestEngine.available)
    func allOrNothing(engine: TestEngine) async throws {
        try await withMigratedStore(engine) { store in
            let repository = SQLPromptRepository(store: store)
            await #expect(throws: StorageError.self) {
                try await repository.importAll([
                    .create(versions: [sampleDocument("first")], labels: [:]),
                    .append(promptID: "00000000-0000-0000-0000-000000000000", document: sampleDocument("missing")),
                ], author: "importer")
            }
            let left = try await repository.list(limit: 10, cursor: nil, includeArchived: true)
            let named = try await repository.find(names: ["first"])
            #expect(left.items.isEmpty && named.isEmpty)
        }
    }
}
