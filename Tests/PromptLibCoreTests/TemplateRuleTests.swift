import PromptLibCore
import Testing

@Suite("Templates and variables")
struct TemplateRuleTests {
    static func document(goal: String, steps: [String] = [], variables: [VariableDefinition] = []) -> PromptDocument {
        PromptDocument(name: "t", title: "T", prompt: PromptBody(goal: goal, steps: steps), variables: variables)
    }

    static func failures(_ document: PromptDocument) -> [ValidationFailure] {
        do {
            _ = try PromptValidator.validate(document)
            return []
        } catch {
            return error.failures
        }
    }

    @Test("an undeclared variable is refused, naming the variable and the field")
    func undeclared() {
        let failures = Self.failures(Self.document(goal: "Hi {{name}}", steps: ["Use {{tone}}", "and {{name}}"], variables: [.init(name: "name")]))
        #expect(failures == [ValidationFailure(field: "prompt.steps[0]", message: "uses {{tone}}, which is not declared in variables")])
    }

    @Test("sections, inverted sections, triple braces and includes are understood")
    func tagKinds() {
        let vars: [VariableDefinition] = [.init(name: "items", type: .list), .init(name: "formal", type: .boolean), .init(name: "raw")]
        let goal = "{{#items}}- {{title}} {{.}}{{/items}}{{^formal}}hey{{/formal}} {{{raw}}} {{> other-prompt@production}} {{! note }}"
        #expect(Self.failures(Self.document(goal: goal, variables: vars)).isEmpty, "item fields inside a list section need no declaration")
        let outside = Self.failures(Self.document(goal: "{{#formal}}{{title}}{{/formal}}", variables: vars))
        #expect(outside.map(\.message) == ["uses {{title}}, which is not declared in variables"])
    }

    @Test("a malformed template is refused with what is wrong", arguments: [
        ("Hi {{name", "never closed"), ("{{#a}}x", "never closed"), ("x{{/a}}", "not open"), ("{{}}", "empty tag"),
    ])
    func malformed(goal: String, problem: String) {
        let failures = Self.failures(Self.document(goal: goal, variables: [.init(name: "a"), .init(name: "name")]))
        #expect(failures.count == 1 && failures[0].field == "prompt.goal" && failures[0].message.contains(problem))
    }

    @Test("a declared variable no template uses is a warning, not an error")
    func unused() throws {
        let document = Self.document(goal: "Hi {{name}}", variables: [.init(name: "name"), .init(name: "spare")])
        let valid = try PromptValidator.validate(document)
        #expect(PromptValidator.warnings(valid) == [ValidationFailure(field: "variables[1]", message: "'spare' is declared but no template uses it")])
    }

    @Test("defaults must match the variable's type", arguments: [
        (VariableDefinition.Kind.integer, JSONValue.number(1.5), false), (.integer, .number(3), true),
        (.boolean, .string("true"), false), (.boolean, .bool(true), true), (.list, .array([.string("a")]), true),
        (.number, .string("1"), false), (.json, .object(["a": .null]), true), (.string, .number(1), false),
    ])
    func defaults(kind: VariableDefinition.Kind, value: JSONValue, valid: Bool) {
        let variable = VariableDefinition(name: "v", type: kind, default: value)
        let failures = Self.failures(Self.document(goal: "{{v}}", variables: [variable]))
        #expect(failures.isEmpty == valid)
        let choice = VariableDefinition(name: "v", type: .enum, options: ["a", "b"], default: .string("c"))
        #expect(Self.failures(Self.document(goal: "{{v}}", variables: [choice])).first?.field == "variables[0].default")
    }

    @Test("tags are trimmed, lowercased and deduplicated; top_p is 0 to 1")
    func normalisation() throws {
        var document = Self.document(goal: "g")
        document.tags = [" Marketing", "marketing", "SEO "]
        #expect(try PromptValidator.validate(document).tags == ["marketing", "seo"])
        document.model = ModelSettings(provider: "openai")
        document.model?.topP = 1.5
        #expect(Self.failures(document).map(\.field) == ["model.top_p"])
    }
}
