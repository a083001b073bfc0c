import PromptLibCore
import PromptLibStorage
import PromptLibTestSupport

/// Runs `body` with a migrated store on a fresh database of `engine`, closing it afterwards.
func withMigratedStore<R: Sendable>(_ engine: TestEngine, _ body: (any SQLStore) async throws -> R) async throws -> R {
    try await withTestDatabase(engine) { database in
        try await database.withStore { store in
            try await Migrator(store: store, logger: testLogger).migrate()
            return try await body(store)
        }
    }
}

/// A small valid document.
func sampleDocument(_ name: String, goal: String = "Summarise {{text}}") -> PromptDocument {
    PromptDocument(
        name: name, title: "Title of \(name)", tags: ["test"],
        prompt: PromptBody(goal: goal, steps: ["Read", "Write"]),
        variables: [VariableDefinition(name: "text", type: .string, required: true)],
        model: ModelSettings(provider: "openai", name: "gpt-4o", temperature: 0.2)
    )
}
