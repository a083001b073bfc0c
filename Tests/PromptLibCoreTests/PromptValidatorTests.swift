import Foundation
import PromptLibCore
import Testing

@Suite("Prompt schema")
struct PromptValidatorTests {
    static let designExample = """
        {"schema": "promptlib/v1", "name": "marketing/product-description", "title": "Product description generator",
         "summary": "Writes persuasive product copy", "tags": ["ecommerce", "copywriting"], "owner": "alice",
         "status": "active", "commit_message": "Tighten the output format",
         "prompt": {"goal": "Write a product description for {{product_name}}", "audience": "Shoppers",
                    "steps": ["List features", "Write a headline"], "constraints": ["No superlatives"],
                    "output": {"format": "json", "fields": ["title", "description"]},
                    "examples": [{"input": "a kettle", "output": "{}"}],
                    "messages": [{"role": "system", "content": "You write copy."}]},
         "variables": [{"name": "product_name", "type": "string", "required": true},
                       {"name": "category", "type": "enum", "options": ["electronics", "garden"], "default": "electronics"},
                       {"name": "count", "type": "integer", "default": 3}],
         "model": {"provider": "openai", "name": "gpt-4o", "temperature": 0.4, "max_tokens": 800}}
        """

    @Test("the design's example document decodes, validates and survives a round trip")
    func roundTrip() throws {
        let document = try JSONDecoder().decode(PromptDocument.self, from: Data(Self.designExample.utf8))
        let valid = try PromptValidator.validate(document)
        #expect(valid.variables?[1].options == ["electronics", "garden"])
        #expect(valid.model?.maxTokens == 800)
        let encoded = try JSONEncoder().encode(valid)
        let text = String(decoding: encoded, as: UTF8.self)
        #expect(text.contains("\"max_tokens\":800"))
        #expect(text.contains("\"default\":3"), "whole numbers stay integers")
        #expect(try JSONDecoder().decode(PromptDocument.self, from: encoded) == valid)
    }

    @Test("every broken rule is reported with its field")
    func collectsAllFailures() {
        let document = PromptDocument(
            name: "Bad Name", title: "  ", prompt: PromptBody(),
            variables: [
                VariableDefinition(name: "ok"), VariableDefinition(name: "ok"),
                VariableDefinition(name: "9lives"), VariableDefinition(name: "choice", type: .enum),
            ],
            model: ModelSettings(temperature: 3, maxTokens: 0)
        )
        #expect {
            try PromptValidator.validate(document)
        } throws: { error in
            let fields = (error as? ValidationFailures)?.failures.map(\.field) ?? []
            return fields == [
                "name", "title", "prompt.goal", "variables[1].name", "variables[2].name", "variables[3].options",
                "model.temperature", "model.max_tokens",
            ]
        }
    }

    @Test("validation fills in the schema and a default status, and trims the title")
    func normalises() throws {
        var document = PromptDocument(name: "a", title: "  Hello  ", prompt: PromptBody(goal: "Say hi"))
        document.schema = nil
        let valid = try PromptValidator.validate(document)
        #expect(valid.schema == PromptDocument.currentSchema)
        #expect(valid.status == .active)
        #expect(valid.title == "Hello")
    }

    @Test("a goal is required even with explicit messages; an empty message is refused")
    func goalRequired() throws {
        let noGoal = PromptDocument(name: "chat", title: "Chat", prompt: PromptBody(messages: [.init(role: .user, content: "Hi")]))
        #expect(throws: ValidationFailures.self) { try PromptValidator.validate(noGoal) }
        let ok = PromptDocument(name: "chat", title: "Chat", prompt: PromptBody(goal: "Chat", messages: [.init(role: .user, content: "Hi")]))
        #expect(throws: Never.self) { try PromptValidator.validate(ok) }
        let empty = PromptDocument(name: "chat", title: "Chat", prompt: PromptBody(goal: "Chat", messages: [.init(role: .user, content: " ")]))
        #expect(throws: ValidationFailures.self) { try PromptValidator.validate(empty) }
    }

    @Test("prompt names are lowercase slugs with folders", arguments: [
        ("marketing/product-description", true), ("a", true), ("v1-2-final", true), ("v1.2_final", false), ("team/sub/leaf", true),
        ("", false), ("/lead", false), ("trail/", false), ("a//b", false), ("Upper", false), ("spa ce", false),
        ("ünicode", false), ("-dash", false), (String(repeating: "a", count: 201), false),
    ])
    func names(name: String, valid: Bool) {
        #expect((PromptName.problem(with: name) == nil) == valid)
    }

    @Test("a variable of an unknown type is rejected when decoding")
    func unknownVariableType() {
        let json = #"{"name":"a","title":"A","prompt":{"goal":"g"},"variables":[{"name":"x","type":"date"}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(PromptDocument.self, from: Data(json.utf8)) }
    }

    @Test("lengths count Unicode scalars, as OpenAPI's maxLength does: a one-grapheme Zalgo title of 300 scalars is refused")
    func zalgoTitle() throws {
        var document = try JSONDecoder().decode(PromptDocument.self, from: Data(Self.designExample.utf8))
        document.title = "a" + String(repeating: "\u{0301}", count: 299)
        #expect(document.title.count == 1)
        #expect(throws: ValidationFailures.self) { try PromptValidator.validate(document) }
    }

    @Test("lists, JSON data and non-finite numbers are bounded", arguments: [
        (#"{"name":"n","title":"t","prompt":{"goal":"g","steps":[\#((0...1_000).map { "\"s\($0)\"" }.joined(separator: ","))]}}"#, "prompt.steps"),
        (#"{"name":"n","title":"t","prompt":{"goal":"g"},"model":{"params":{"a":[\#((0...1_000).map(String.init).joined(separator: ","))]}}}"#, "model.params.a"),
        (#"{"name":"n","title":"t","prompt":{"goal":"g"},"model":{"params":{\#((0..<50).map { "\"k\($0)\":[\((0..<250).map(String.init).joined(separator: ","))]" }.joined(separator: ","))}}}"#, "model.params.k0"),
    ])
    func sizes(input: (json: String, field: String)) throws {
        let document = try JSONDecoder().decode(PromptDocument.self, from: Data(input.json.utf8))
        #expect { try PromptValidator.validate(document) } throws: { error in
            (error as? ValidationFailures)?.failures.contains { $0.field == input.field } == true
        }
    }

    @Test("YAML .inf and .nan are refused naming the field, never stored")
    func nonFinite() throws {
        let document = try PromptYAML.decode("name: n\ntitle: t\nprompt:\n  goal: g\nmodel:\n  params:\n    b: .inf\n")
        #expect { try PromptValidator.validate(document) } throws: { error in
            (error as? ValidationFailures)?.failures.first?.field == "model.params.b"
        }
    }
}
