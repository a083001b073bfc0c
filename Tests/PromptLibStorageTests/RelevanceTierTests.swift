import PromptLibCore
import PromptLibStorage
import PromptLibTestSupport
import Testing

/// Relevance is read tier by tier and page by page: walking every page one row at a time must give
/// each match exactly once, ordered by how many query words the head (name, title, tags) holds, the
/// newest first within a score — checked against a ranking computed here from the documents.
@Suite("Relevance by tiers")
struct RelevanceTierTests {
    static let words = ["kettle", "garden", "refund", "invoice", "pricing"]

    /// Prompt `i` of the corpus: its head and body words picked by `i`'s digits, so every
    /// combination of head and body words occurs.
    static func document(_ index: Int) -> PromptDocument {
        let head = words.indices.filter { (index >> $0) & 1 == 1 }.map { words[$0] }
        let body = words.indices.filter { (index / 3 + $0) % 3 != 0 }.map { words[$0] }
        var document = sampleDocument("tiers/p\(index)", goal: "Write about " + body.joined(separator: " ") + " for {{text}}")
        document.title = "Prompt " + head.prefix(2).joined(separator: " ")
        document.tags = Array(head.dropFirst(2))
        return document
    }

    /// The words of `query` a document holds: in its head, and anywhere. The last query word is a prefix.
    static func holds(_ document: PromptDocument, _ query: [String]) -> (head: Int, all: Bool) {
        let head = ([document.title] + (document.tags ?? [])).joined(separator: " ").lowercased().split(separator: " ").map(String.init)
        let all = head + document.prompt.goal!.lowercased().split(separator: " ").map(String.init)
        func has(_ words: [String], _ index: Int) -> Bool {
            index == query.count - 1 ? words.contains { $0.hasPrefix(query[index]) } : words.contains(query[index])
        }
        return (query.indices.filter { has(head, $0) }.count, query.indices.allSatisfy { has(all, $0) })
    }

    static func walk(_ repository: SQLPromptRepository, _ text: String, descending: Bool, limit: Int) async throws -> [String] {
        var query = PromptQuery()
        query.text = text
        query.sort = .relevance
        query.descending = descending
        query.limit = limit
        var names: [String] = []
        for _ in 0..<200 {
            let page = try await repository.search(query)
            names += page.items.map(\.document.name)
            guard let next = page.nextCursor else { return names }
            query.cursor = next
        }
        Issue.record("more pages than matches")
        return names
    }

    @Test("every page, one row at a time, matches the reference ranking", arguments: TestEngine.available)
    func pagesMatchReference(engine: TestEngine) async throws {
        try await withMigratedStore(engine) { store in
            let repository = SQLPromptRepository(store: store)
            let documents = (0..<48).map(Self.document)
            for document in documents { _ = try await repository.create(document, author: "a") }
            for text in ["kettle garden", "refund kettle gard", "invoice pricing refund kettle", "garden invoice", "pricing"] {
                let query = text.split(separator: " ").map(String.init)
                // Newest first within a score: documents were created in index order.
                let expected = documents.enumerated().compactMap { index, document -> (Int, Int, String)? in
                    let held = Self.holds(document, query)
                    return held.all ? (held.head, index, document.name) : nil
                }.sorted { ($0.0, $0.1) > ($1.0, $1.1) }.map(\.2)
                #expect(!expected.isEmpty)
                for limit in [1, 3, 50] {
                    let names = try await Self.walk(repository, text, descending: true, limit: limit)
                    #expect(names == expected, "\(engine) '\(text)' limit \(limit)")
                }
                let ascending = try await Self.walk(repository, text, descending: false, limit: 2)
                #expect(ascending == expected.reversed(), "\(engine) '\(text)' ascending")
            }
            if engine == .postgres {
                // PostgreSQL's english configuration drops stop words: the tiers are built from what it keeps.
                #expect(try await Self.walk(repository, "the kettle and garden", descending: true, limit: 2)
                    == (try await Self.walk(repository, "kettle garden", descending: true, limit: 50)))
            }
        }
    }

    @Test("a query of more than four words counts the first four; filters and archived prompts apply to every tier", arguments: TestEngine.available)
    func longQueriesAndFilters(engine: TestEngine) async throws {
        try await withMigratedStore(engine) { store in
            let repository = SQLPromptRepository(store: store)
            let documents = (0..<48).map(Self.document)
            var ids: [String] = []
            for document in documents { ids.append(try await repository.create(document, author: "a").id) }
            let text = "kettle garden refund invoice pricing"
            let query = text.split(separator: " ").map(String.init)
            let counted = Array(query.prefix(4))
            let matches = documents.enumerated().filter { Self.holds($0.element, query).all }
            let expected = matches.map { index, document in
                // The fifth word must be there, but only the first four count.
                (Self.holds(document, counted + ["pricing-never"]).head, index, document.name)
            }.sorted { ($0.0, $0.1) > ($1.0, $1.1) }.map(\.2)
            #expect(try await Self.walk(repository, text, descending: true, limit: 2) == expected)

            // Archive the first match: gone from every page unless asked for.
            let archived = try #require(matches.first)
            _ = try await repository.setArchived(true, id: ids[archived.offset])
            #expect(try await Self.walk(repository, text, descending: true, limit: 2) == expected.filter { $0 != archived.element.name })
            var withArchived = PromptQuery()
            withArchived.text = text
            withArchived.sort = .relevance
            withArchived.descending = true
            withArchived.limit = 100
            withArchived.includeArchived = true
            #expect(try await repository.search(withArchived).items.map(\.document.name) == expected)
            withArchived.status = "archived"
            #expect(try await repository.search(withArchived).items.map(\.document.name) == [archived.element.name])
        }
    }
}
