import Foundation
import PromptLibCore
import PromptLibStorage
import PromptLibTestSupport
import Testing

@Suite("Prompt repository")
struct PromptRepositoryTests {
    @Test("a new version leaves every earlier version unchanged", arguments: TestEngine.available)
    func versionsAreImmutable(engine: TestEngine) async throws {
        try await withMigratedStore(engine) { store in
            let repository = SQLPromptRepository(store: store)
            let created = try await repository.create(sampleDocument("team/summary", goal: "first"), author: "alice")
            #expect(created.document.version == 1)
            for goal in ["second", "third"] {
                var next = sampleDocument("team/summary", goal: goal)
                next.commitMessage = "now \(goal)"
                _ = try #require(try await repository.addVersion(to: created.id, next, author: "bob", expectedVersion: nil).record)
            }
            let latest = try #require(try await repository.find(id: created.id))
            #expect(latest.document.version == 3)
            #expect(latest.document.prompt.goal == "third")
            #expect(latest.author == "bob")
            let first = try #require(try await repository.version(of: created.id, number: 1))
            #expect(first.document == created.document)
            #expect(first.author == "alice")
            let history = try await repository.versions(of: created.id, limit: 10, cursor: nil)
            #expect(history.items.map { $0.document.version } == [3, 2, 1])
            #expect(history.items.map(\.document.commitMessage) == ["now third", "now second", nil])
        }
    }

    @Test("a second prompt with a taken name is a conflict", arguments: TestEngine.available)
    func duplicateNameConflicts(engine: TestEngine) async throws {
        try await withMigratedStore(engine) { store in
            let repository = SQLPromptRepository(store: store)
            _ = try await repository.create(sampleDocument("dup"), author: "a")
            await #expect(throws: StorageError.self) { try await repository.create(sampleDocument("dup"), author: "a") }
            // The failed create left no half-written prompt behind.
            #expect(try await repository.list(limit: 10, cursor: nil, includeArchived: true).items.count == 1)
        }
    }

    @Test("concurrent writers get distinct, gapless version numbers", arguments: TestEngine.available)
    func concurrentVersions(engine: TestEngine) async throws {
        try await withMigratedStore(engine) { store in
            let repository = SQLPromptRepository(store: store)
            let created = try await repository.create(sampleDocument("busy"), author: "a")
            let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
                for writer in 0..<12 {
                    group.addTask {
                        let record = try await repository.addVersion(to: created.id, sampleDocument("busy", goal: "w\(writer)"), author: "w", expectedVersion: nil).record
                        return try #require(record?.document.version)
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(numbers.sorted() == Array(2...13))
            let history = try await repository.versions(of: created.id, limit: 50, cursor: nil)
            #expect(history.items.count == 13)
        }
    }

    @Test("lists page by name with cursors and hide archived prompts", arguments: TestEngine.available)
    func listPaging(engine: TestEngine) async throws {
        try await withMigratedStore(engine) { store in
            let repository = SQLPromptRepository(store: store)
            let names = ["b/two", "a-one", "a/one", "c", "a.one", "b_two", "z9"]
            var ids: [String: String] = [:]
            for name in names { ids[name] = try await repository.create(sampleDocument(name), author: "a").id }
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await repository.list(limit: 3, cursor: cursor, includeArchived: false)
                #expect(page.items.count <= 3)
                seen += page.items.map(\.document.name)
                cursor = page.nextCursor
            } while cursor != nil
            // Byte order on both engines, whatever the server's locale.
            #expect(seen == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })

            _ = try await repository.setArchived(true, id: ids["c"]!)
            let live = try await repository.list(limit: 50, cursor: nil, includeArchived: false)
            #expect(!live.items.map(\.document.name).contains("c"))
            let all = try await repository.list(limit: 50, cursor: nil, includeArchived: true)
            #expect(all.items.count == names.count)
        }
    }

    @Test("archived prompts keep their versions, refuse new ones, and can be restored", arguments: TestEngine.available)
    func archiveAndRestore(engine: TestEngine) async throws {
        try await withMigratedStore(engine) { store in
            let repository = SQLPromptRepository(store: store)
            let created = try await repository.create(sampleDocument("old"), author: "a")
            let archived = try #require(try await repository.setArchived(true, id: created.id))
            #expect(archived.archivedAt != nil)
            #expect(try await repository.addVersion(to: created.id, sampleDocument("old"), author: "a", expectedVersion: nil) == .archived)
            #expect(try await repository.version(of: created.id, number: 1) != nil)
            let restored = try #require(try await repository.setArchived(false, id: created.id))
            #expect(restored.archivedAt == nil)
            #expect(try await repository.addVersion(to: created.id, sampleDocument("old"), author: "a", expectedVersion: 1).record?.document.version == 2)
            #expect(try await repository.setArchived(true, id: UUID().uuidString.lowercased()) == nil)
        }
    }

    @Test("a transaction that fails part-way writes nothing", arguments: TestEngine.available)
    func transactionRollsBack(engine: TestEngine) async throws {
        try await withMigratedStore(engine) { store in
            struct Crash: Error {}
            await #expect(throws: Crash.self) {
                try await store.transaction { db in
                    try await db.raw("""
                        INSERT INTO prompts (id, name, title, status, tags, latest_version, created_at, updated_at)
                        VALUES ('x', 'half', 't', 'active', '[]', 1, \(bind: Date()), \(bind: Date()))
                        """).run()
                    throw Crash()
                }
            }
            let remaining = try await SQLPromptRepository(store: store).list(limit: 10, cursor: nil, includeArchived: true)
            #expect(remaining.items.isEmpty)
        }
    }

    @Test("a cursor this server did not issue is a validation failure", arguments: TestEngine.available)
    func badCursor(engine: TestEngine) async throws {
        try await withMigratedStore(engine) { store in
            let repository = SQLPromptRepository(store: store)
            await #expect(throws: ValidationFailure.self) {
                try await repository.versions(of: "x", limit: 5, cursor: "!!not-base64!!")
            }
        }
    }
}

@Suite("No lost updates")
struct LostUpdateTests {
    @Test("fifty writers on the same base: exactly one wins, the chain has no gaps or duplicates", arguments: TestEngine.available)
    func fiftyWriters(engine: TestEngine) async throws {
        try await withMigratedStore(engine) { store in
            let repository = SQLPromptRepository(store: store)
            let created = try await repository.create(sampleDocument("contended"), author: "a")
            let outcomes = try await withThrowingTaskGroup(of: VersionWrite.self) { group in
                for writer in 0..<50 {
                    group.addTask {
                        try await repository.addVersion(to: created.id, sampleDocument("contended", goal: "w\(writer)"), author: "w", expectedVersion: 1)
                    }
                }
                return try await group.reduce(into: [VersionWrite]()) { $0.append($1) }
            }
            #expect(outcomes.compactMap(\.record).count == 1)
            #expect(outcomes.filter { $0 == .stale(current: 2) }.count == 49)
            let history = try await repository.versions(of: created.id, limit: 100, cursor: nil)
            #expect(history.items.compactMap(\.document.version) == [2, 1])
        }
    }
}

@Suite("Search index")
struct SearchIndexTests {
    @Test("search finds the right prompts after the database is vacuumed and written again", arguments: TestEngine.available)
    func afterVacuum(engine: TestEngine) async throws {
        try await withMigratedStore(engine) { store in
            let repository = SQLPromptRepository(store: store)
            for (name, goal) in [("first", "apples"), ("second", "pears"), ("third", "plums")] {
                _ = try await repository.create(sampleDocument(name, goal: "Sort \(goal) for {{text}}"), author: "a")
            }
            _ = try await repository.setArchived(true, id: try #require(try await repository.find(name: "first")).id)
            try await store.withDatabase { try await $0.raw("VACUUM").run() }
            _ = try await repository.create(sampleDocument("fourth", goal: "Sort apples and plums for {{text}}"), author: "a")
            func names(_ text: String) async throws -> [String] {
                var query = PromptQuery()
                query.text = text
                query.sort = .name
                query.includeArchived = true
                return try await repository.search(query).items.map(\.document.name)
            }
            #expect(try await names("apples") == ["first", "fourth"])
            #expect(try await names("plums") == ["fourth", "third"])
            #expect(try await names("pears") == ["second"])
        }
    }
}
