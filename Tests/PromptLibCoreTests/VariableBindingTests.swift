@testable import PromptLibCore
import Testing

@Suite("Rendering: typed variables")
struct VariableBindingTests {
    static func document(_ variables: [VariableDefinition], goal: String = "Go") -> PromptDocument {
        var document = PromptDocument(name: "t", title: "T", prompt: PromptBody(goal: goal))
        document.variables = variables
        return document
    }

    static func failures(_ variables: [VariableDefinition], _ values: [String: JSONValue]) -> [ValidationFailure] {
        do {
            _ = try VariableBinder.bind(values, to: variables)
            return []
        } catch {
            return error.failures
        }
    }

    @Test("each type accepts its values and refuses others")
    func types() {
        let cases: [(VariableDefinition, JSONValue, Bool)] = [
            (.init(name: "v", type: .integer), .number(3), true),
            (.init(name: "v", type: .integer), .number(1.5), false),
            (.init(name: "v", type: .integer), .string("3"), false),
            (.init(name: "v", type: .number), .number(1.5), true),
            (.init(name: "v", type: .number), .string("1.5"), false),
            (.init(name: "v", type: .boolean), .bool(false), true),
            (.init(name: "v", type: .boolean), .string("true"), false),
            (.init(name: "v", type: .boolean), .number(1), false),
            (.init(name: "v", type: .enum, options: ["a", "b"]), .string("b"), true),
            (.init(name: "v", type: .enum, options: ["a", "b"]), .string("c"), false),
            (.init(name: "v", type: .string), .string("x"), true),
            (.init(name: "v", type: .string), .number(1), false),
            (.init(name: "v", type: .list), .array([.string("x")]), true),
            (.init(name: "v", type: .list), .string("x"), false),
            (.init(name: "v", type: .json), .object(["a": .number(1)]), true),
            (.init(name: "v", type: .json), .string("{\"a\": 1}"), true),
            (.init(name: "v", type: .json), .string("{not json"), false),
        ]
        for (variable, value, ok) in cases {
            #expect(Self.failures([variable], ["v": value]).isEmpty == ok, "\(variable.type) with \(value)")
        }
    }

    @Test("every missing required variable is reported at once, one detail each, and defaults fill gaps")
    func missing() throws {
        let variables: [VariableDefinition] = [
            .init(name: "a", required: true), .init(name: "b", type: .integer, required: true),
            .init(name: "c", required: true, default: .string("dflt")), .init(name: "d"),
        ]
        let failures = Self.failures(variables, [:])
        #expect(failures.map(\.field) == ["variables.a", "variables.b"])
        let bound = try VariableBinder.bind(["a": .string("x"), "b": .number(2), "zzz": .bool(true)], to: variables)
        #expect(bound.values["c"] == .string("dflt"))
        #expect(bound.values["d"] == nil)
        #expect(bound.undeclared == ["zzz"])
    }

    @Test("errors never repeat a value, so a sensitive one cannot leak")
    func noValuesInErrors() {
        let secret = "sk-very-secret-value-123"
        let failures = Self.failures([.init(name: "token", type: .integer, sensitive: true)], ["token": .string(secret)])
        #expect(failures.count == 1)
        #expect(!failures.contains { $0.message.contains(secret) || $0.field.contains(secret) })
    }

    @Test("JSON values print as JSON, members are reachable, booleans drive sections")
    func jsonAndBooleans() throws {
        let document = Self.document([.init(name: "cfg", type: .json), .init(name: "loud", type: .boolean), .init(name: "n", type: .integer)],
                                     goal: "{{cfg}} / {{cfg.mode}} / {{#loud}}LOUD{{/loud}}{{^loud}}quiet{{/loud}} / {{n}}")
        let result = try PromptRenderer.render(document, .init(target: .openai, variables: [
            "cfg": .string("{\"mode\": \"fast\", \"n\": 2}"), "loud": .bool(false), "n": .number(7),
        ]))
        #expect(result.messages.last?.content == "{\"mode\":\"fast\",\"n\":2} / fast / quiet / 7")
    }

    @Test("settings out of a provider's range are refused with the field; the call's params override the prompt's")
    func settings() throws {
        var document = Self.document([])
        document.model = ModelSettings(provider: "openai", name: "gpt-4o", temperature: 1.5, maxTokens: 100)
        #expect(throws: ValidationFailures.self) { try PromptRenderer.render(document, .init(target: .anthropic)) }
        let fixed = try PromptRenderer.render(document, .init(target: .anthropic, params: ["temperature": .number(0.2), "max_tokens": .number(50)]))
        #expect(fixed.payload == .object([
            "model": .string(RenderTarget.anthropic.defaultModel), "max_tokens": .number(50),
            "messages": .array([.object(["role": .string("user"), "content": .string("Go")])]),
        ]))
        do {
            _ = try PromptRenderer.render(document, .init(target: .openai, params: ["top_p": .number(2), "max_tokens": .number(-1)]))
            Issue.record("out-of-range params were accepted")
        } catch {
            #expect(Set(error.failures.map(\.field)) == ["params.top_p", "params.max_tokens"])
        }
        let both = try PromptRenderer.render(document, .init(target: .gemini, params: ["temperature": .number(0.5), "top_p": .number(0.9)]))
        #expect(both.payload.member("generationConfig")?.member("topP") == .number(0.9) && both.payload.member("generationConfig")?.member("temperature") == .number(0.5))
        let reasoning = try PromptRenderer.render(document, .init(target: .openai, model: "o3-mini"))
        guard case .object(let body) = reasoning.payload else { return }
        #expect(body["max_completion_tokens"] == .number(100) && body["temperature"] == nil && body["max_tokens"] == nil)
    }

    @Test("explicit messages are used as they are; Anthropic and Bedrock join repeated roles and refuse an assistant first")
    func explicitMessages() throws {
        var document = Self.document([])
        document.prompt = PromptBody(goal: "g", messages: [
            ChatMessage(role: .system, content: "S"), ChatMessage(role: .user, content: "a"), ChatMessage(role: .user, content: "b"),
        ])
        let openai = try PromptRenderer.render(document, .init(target: .openai))
        #expect(openai.messages.map(\.content) == ["S", "a", "b"])
        let anthropic = try PromptRenderer.render(document, .init(target: .anthropic))
        #expect(anthropic.payload.member("messages") == .array([.object(["role": .string("user"), "content": .string("a\n\nb")])]))
        document.prompt.messages = [ChatMessage(role: .assistant, content: "hi")]
        #expect(throws: ValidationFailures.self) { try PromptRenderer.render(document, .init(target: .bedrock)) }
    }
}

extension JSONValue {
    func member(_ key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}
