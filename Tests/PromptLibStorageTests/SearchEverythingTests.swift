import PromptLibCore
import PromptLibStorage
import PromptLibTestSupport
import Testing

/// Search reads every text field, stems English words, matches the last word as a prefix, and
/// ranks name, title and tags above the body — on both engines.
@Suite("Searching every field")
struct SearchEverythingTests {
    static func names(_ repository: SQLPromptRepository, _ text: String, sort: PromptQuery.Sort = .name) async throws -> [String] {
        var query = PromptQuery()
        query.text = text
        query.sort = sort
        query.descending = sort == .relevance
        return try await repository.search(query).items.map(\.document.name)
    }

    static func seed(_ repository: SQLPromptRepository) async throws {
        var context = sampleDocument("ops/context", goal: "Summarise {{text}}")
        context.prompt.context = "You answer questions about invoices and refunds."
        var messages = sampleDocument("ops/messages", goal: "Chat about {{text}}")
        messages.prompt.messages = [ChatMessage(role: .system, content: "Tone: cheerful"), ChatMessage(role: .user, content: "Discuss zebras and {{text}}")]
        var constraints = sampleDocument("ops/rules", goal: "Write {{text}}")
        constraints.prompt.constraints = ["Never mention competitors"]
        constraints.prompt.examples = [PromptExample(input: "a lighthouse", output: "a beacon")]
        var titled = sampleDocument("ops/titled", goal: "Write {{text}}")
        titled.title = "Production descriptions"
        var bodyOnly = sampleDocument("ops/body", goal: "Write production notes for {{text}}")
        bodyOnly.title = "Notes"
        for document in [context, messages, constraints, titled, bodyOnly] { _ = try await repository.create(document, author: "a") }
    }

    @Test("context, messages, constraints and examples are searched", arguments: TestEngine.available)
    func everyField(engine: TestEngine) async throws {
        try await withMigratedStore(engine) { store in
            let repository = SQLPromptRepository(store: store)
            try await Self.seed(repository)
            #expect(try await Self.names(repository, "invoices") == ["ops/context"])
            #expect(try await Self.names(repository, "zebras") == ["ops/messages"])
            #expect(try await Self.names(repository, "competitors") == ["ops/rules"])
            #expect(try await Self.names(repository, "lighthouse") == ["ops/rules"])
        }
    }

    @Test("the last word is a prefix, words are stemmed, and the head outranks the body", arguments: TestEngine.available)
    func prefixStemsAndWeights(engine: TestEngine) async throws {
        try await withMigratedStore(engine) { store in
            let repository = SQLPromptRepository(store: store)
            try await Self.seed(repository)
            #expect(try await Self.names(repository, "prod") == ["ops/body", "ops/titled"], "prefix of production")
            #expect(try await Self.names(repository, "description") == ["ops/titled"], "stemmed: descriptions")
            #expect(try await Self.names(repository, "refund") == ["ops/context"], "stemmed: refunds")
            #expect(try await Self.names(repository, "production", sort: .relevance) == ["ops/titled", "ops/body"], "title above body")
        }
    }

    @Test("an upgraded database is re-indexed from each prompt's document at start-up", arguments: TestEngine.available)
    func reindex(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database in
            try await database.withStore { store in
                let before = Migrations.all.filter { $0.version < 11 }
                try await Migrator(store: store, migrations: before, logger: testLogger).migrate()
                let repository = SQLPromptRepository(store: store)
                try await Self.seed(repository)
                try await Migrator(store: store, logger: testLogger).migrate()
                #expect(try await Self.names(repository, "invoices").isEmpty, "emptied by the migration")
                try await repository.reindexSearch(logger: testLogger)
                #expect(try await Self.names(repository, "invoices") == ["ops/context"])
                #expect(try await Self.names(repository, "prod") == ["ops/body", "ops/titled"])
                try await repository.reindexSearch(logger: testLogger)
                #expect(try await Self.names(repository, "zebras") == ["ops/messages"], "a second run changes nothing")
            }
        }
    }

    @Test("rebuilding the index with longer prefixes keeps every prompt findable, by whole words and by prefixes of any length", arguments: TestEngine.available)
    func prefixRebuild(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database in
            try await database.withStore { store in
                try await Migrator(store: store, migrations: Migrations.all.filter { $0.version < 13 }, logger: testLogger).migrate()
                let repository = SQLPromptRepository(store: store)
                try await Self.seed(repository)
                try await Migrator(store: store, logger: testLogger).migrate()
                #expect(try await Self.names(repository, "invoices") == ["ops/context"])
                for typed in ["pr", "pro", "prod", "produc", "production"] {
                    #expect(try await Self.names(repository, typed) == ["ops/body", "ops/titled"], "\(typed)")
                }
                #expect(try await Self.names(repository, "lighthou") == ["ops/rules"])
                _ = try await repository.create(sampleDocument("ops/later", goal: "Describe a lighthouse for {{text}}"), author: "a")
                #expect(try await Self.names(repository, "lighthou") == ["ops/later", "ops/rules"], "written after the rebuild")
            }
        }
    }
}
