import PromptLibCore
import PromptLibStorage
import PromptLibTestSupport
import Testing

/// SQLite reads on reader connections beside its writer: a write is seen by the very next read,
/// whichever connection serves it, also with many clients at once.
@Suite("Reading one's own writes")
struct ReadYourWritesTests {
    @Test("each of 40 concurrent writers finds its prompt at once, by name and in a search", arguments: TestEngine.available)
    func concurrentWritersReadTheirWrites(engine: TestEngine) async throws {
        try await withMigratedStore(engine) { store in
            let repository = SQLPromptRepository(store: store)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        let name = "ryw/writer-\(index)"
                        let created = try await repository.create(sampleDocument(name, goal: "Write zebra\(index)x for {{text}}"), author: "a")
                        let found = try await repository.find(name: name)
                        #expect(found?.id == created.id, "\(name) found at once")
                        var query = PromptQuery()
                        query.text = "zebra\(index)x"
                        #expect(try await repository.search(query).items.map(\.id) == [created.id], "\(name) searchable at once")
                        _ = try await repository.setArchived(true, id: created.id)
                        #expect(try await repository.search(query).items.isEmpty, "\(name) archived at once")
                    }
                }
                try await group.waitForAll()
            }
        }
    }
}
