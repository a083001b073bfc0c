import Foundation
import PromptLibCore

/// The prompts of the conformance corpus: the golden fixture, then one per schema feature, every
/// variable type, and unicode and hostile values.
enum CorpusDocuments {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../PromptLibCoreTests/Golden/product-description.yaml").standardized

    static func all() throws -> [CorpusCase] {
        let fixture = try PromptYAML.decode(String(contentsOf: golden, encoding: .utf8))
        var cases = [CorpusCase(name: "golden", document: fixture,
                                values: ["product_name": .string("Rake & Hoe <Pro>"), "features": .array([.string("steel"), .string("ash handle")])],
                                variants: modelVariants)]
        cases.append(CorpusCase(name: "structured-every-field", document: try yaml("""
            name: corpus/structured
            title: Every structured field
            prompt:
              goal: Summarise {{topic}}
              audience: Engineers
              context: You are terse.
              steps: [Read it, "Summarise {{topic}}"]
              constraints: [No jargon, At most 3 sentences]
              output: { format: json, fields: [summary, risks, título, next_step] }
              examples:
                - { input: Kubernetes, output: '{"summary": "x", "risks": "y", "título": "z", "next_step": "w"}' }
            variables: [{ name: topic, type: string, required: true }]
            model: { max_tokens: 300, temperature: 0.2, top_p: 0.9 }
            """), values: ["topic": .string("the outage")], variants: modelVariants))
        cases.append(CorpusCase(name: "json-without-fields", document: try yaml("""
            name: corpus/json-free
            title: JSON without fields
            prompt: { goal: List three colours, output: { format: json } }
            """), values: [:], variants: modelVariants))
        cases.append(CorpusCase(name: "markdown-output", document: try yaml("""
            name: corpus/markdown
            title: Markdown
            prompt: { goal: "Write a haiku about {{season}}", output: { format: markdown, fields: [poem] } }
            variables: [{ name: season, type: enum, options: [spring, autumn], default: autumn }]
            """), values: [:]))
        cases.append(CorpusCase(name: "messages-form", document: try yaml("""
            name: corpus/messages
            title: Explicit messages
            prompt:
              goal: Chat
              messages:
                - { role: system, content: "You answer in {{language}}." }
                - { role: user, content: "Hi, I am {{who}}." }
                - { role: assistant, content: "Hello {{who}}!" }
                - { role: user, content: "{{question}}" }
                - { role: user, content: "Be brief." }
            variables:
              - { name: language, type: string, default: English }
              - { name: who, type: string, required: true }
              - { name: question, type: string, required: true }
            """), values: ["who": .string("Zoë"), "question": .string("What is 2+2?")], variants: modelVariants))
        cases.append(CorpusCase(name: "every-variable-type", document: try yaml("""
            name: corpus/types
            title: Every variable type
            prompt:
              goal: "s={{s}} n={{n}} i={{i}} b={{#b}}yes{{/b}}{{^b}}no{{/b}} e={{e}} l={{#l}}[{{.}}]{{/l}} j={{j}}"
            variables:
              - { name: s, type: string }
              - { name: n, type: number }
              - { name: i, type: integer }
              - { name: b, type: boolean }
              - { name: e, type: enum, options: [x, y] }
              - { name: l, type: list }
              - { name: j, type: json }
            """), values: ["s": .string("text"), "n": .number(2.5), "i": .number(7), "b": .bool(true), "e": .string("y"),
                           "l": .array([.string("one"), .number(2)]), "j": .object(["k": .array([.null, .bool(false)])])]))
        for (index, value) in hostileValues.enumerated() {
            cases.append(CorpusCase(name: "hostile-value-\(index)", document: try yaml("""
                name: corpus/hostile
                title: Hostile values
                prompt: { goal: "Echo: {{value}}", context: "Context {{value}}", output: { format: json, fields: ["{{x}}", "a b", "ключ"] } }
                variables: [{ name: value, type: string, required: true }]
                """), values: ["value": .string(value)]))
        }
        return cases
    }

    /// Values that have broken serialisers and templates elsewhere (none holds a chat control token).
    static let hostileValues = [
        "emoji 👩‍👩‍👧 and flags 🇸🇪", "right-to-left \u{202E}txet\u{202C} and zero width \u{200B}", "quotes \" ' ` and \\ backslashes \\\\",
        "</script><script>alert(1)</script>", "{{not_a_variable}} {{{triple}}} {{> include}}", "line\nbreak\ttab\r\nCRLF",
        "separators \u{2028}\u{2029}", String(repeating: "long ", count: 2000), "   ",
    ]

    /// Models and call parameters worth covering per provider: reasoning and non-reasoning models,
    /// deprecated ones, and each API's own parameters (snake_case ones camelCased for Gemini).
    static let modelVariants: [RenderTarget: [(model: String?, params: [String: JSONValue])]] = [
        .openai: [(nil, [:]), ("gpt-4.1", ["temperature": .number(0.7), "seed": .number(7), "stop": .array([.string("END")])]),
                  ("gpt-6.2-sol", ["reasoning_effort": .string("high"), "max_tokens": .number(2000)]), ("o3", ["temperature": .number(1)])],
        .openaiResponses: [(nil, [:]), ("gpt-4.1", ["temperature": .number(0.3), "top_p": .number(0.5)]),
                           ("gpt-5.5", ["reasoning_effort": .string("low"), "store": .bool(false)])],
        .anthropic: [(nil, [:]), ("claude-opus-4-8", ["stop_sequences": .array([.string("END")]), "temperature": .number(0.5),
                                                      "metadata": .object(["user_id": .string("u-1")])]),
                     ("claude-sonnet-4-5", ["thinking": .object(["type": .string("enabled"), "budget_tokens": .number(2048)]), "max_tokens": .number(4096)])],
        .gemini: [(nil, [:]), ("gemini-2.5-pro", ["top_k": .number(40), "stop_sequences": .array([.string("END")]), "seed": .number(3)])],
        .bedrock: [(nil, [:]), ("amazon.nova-pro-v1:0", ["top_k": .number(5), "temperature": .number(0.1)])],
        .llama: [(nil, [:]), ("llama-3.3-70b-instruct", ["max_tokens": .number(64), "top_p": .number(0.8)])],
    ]

    static func yaml(_ text: String) throws -> PromptDocument { try PromptYAML.decode(text) }
}
