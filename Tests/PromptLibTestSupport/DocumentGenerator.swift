public import PromptLibCore

/// Reproducible random numbers for property tests.
public struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        // SplitMix64: small, fast and well distributed.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random but valid-looking prompt documents, including text that YAML must quote.
public enum DocumentGenerator {
    static let words = ["alpha", "Beta", "yes", "no", "null", "~", "3.5", "42", "a: b", "- dash", "# hash", "quote \"x\"",
                        "it's", "{{who}}", "ünïcödé", "tab\there", "line\nbreak", "  padded  ", "[x]", "{y}", "*star", "&amp", "@at", "%p"]

    static func text(_ g: inout SeededGenerator) -> String {
        (0..<Int.random(in: 1...4, using: &g)).map { _ in words.randomElement(using: &g)! }.joined(separator: " ")
    }

    static func maybe<T>(_ g: inout SeededGenerator, _ make: (inout SeededGenerator) -> T) -> T? {
        Bool.random(using: &g) ? make(&g) : nil
    }

    public static func make(using g: inout SeededGenerator) -> PromptDocument {
        var document = PromptDocument(
            name: "folder-\(Int.random(in: 0...9, using: &g))/prompt-\(Int.random(in: 0...999, using: &g))",
            title: text(&g), summary: maybe(&g, text), tags: maybe(&g) { g in (0..<Int.random(in: 0...3, using: &g)).map { _ in text(&g) } },
            owner: maybe(&g, text), status: maybe(&g) { g in PromptStatus.allCases.randomElement(using: &g)! },
            commitMessage: maybe(&g, text),
            prompt: PromptBody(
                goal: text(&g), audience: maybe(&g, text), context: maybe(&g, text),
                steps: maybe(&g) { g in (0..<Int.random(in: 0...3, using: &g)).map { _ in text(&g) } },
                output: maybe(&g) { g in OutputSpec(format: "json", fields: [text(&g)]) },
                examples: maybe(&g) { g in [PromptExample(input: text(&g), output: text(&g))] },
                messages: maybe(&g) { g in [ChatMessage(role: .system, content: text(&g)), ChatMessage(role: .user, content: text(&g))] }
            ),
            variables: maybe(&g) { g in [
                VariableDefinition(name: "who", type: .string, required: Bool.random(using: &g), description: text(&g)),
                VariableDefinition(name: "n", type: .integer, default: .number(Double(Int.random(in: -5...5, using: &g)))),
                VariableDefinition(name: "mode", type: .enum, options: ["a", "b"], default: .string("a")),
                VariableDefinition(name: "flag", type: .boolean, default: .bool(Bool.random(using: &g))),
                VariableDefinition(name: "items", type: .list, default: .array([.string(text(&g))])),
            ] },
            model: maybe(&g) { g in ModelSettings(provider: "openai", name: "gpt-4o", temperature: Double(Int.random(in: 0...20, using: &g)) / 10, maxTokens: 800) }
        )
        document.version = Int.random(in: 1...50, using: &g)
        return document
    }
}
