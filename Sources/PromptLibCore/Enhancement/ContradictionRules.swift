import Foundation

/// Pairs of instructions that cannot both hold. Each side is a set of phrases; a prompt that says
/// something from both sides (in its goal, steps or constraints) contradicts itself.
enum ContradictionRules {
    struct Rule {
        let topic: String
        let one: [String]
        let other: [String]
    }

    static let rules: [Rule] = [
        Rule(topic: "length", one: ["concise", "brief", "short", "succinct", "one sentence", "in one line", "keep it short", "under 50 words", "under 100 words"],
             other: ["detailed", "comprehensive", "thorough", "in depth", "in-depth", "exhaustive", "long-form", "at least 500 words", "at least 1000 words"]),
        Rule(topic: "tone", one: ["formal", "professional tone"], other: ["casual", "informal", "playful", "slang", "chatty"]),
        Rule(topic: "lists", one: ["use bullet points", "bulleted list", "as a list", "use a list"],
             other: ["no bullet points", "do not use bullet", "don't use bullet", "no lists", "avoid lists", "prose only", "in prose"]),
        Rule(topic: "examples", one: ["include examples", "give examples", "with examples"], other: ["no examples", "do not include examples", "without examples"]),
        Rule(topic: "format", one: ["respond in json", "answer in json", "output json", "valid json", "as json"],
             other: ["plain text only", "no json", "in markdown", "as markdown", "markdown only"]),
        Rule(topic: "emoji", one: ["use emoji", "add emoji", "with emoji"], other: ["no emoji", "without emoji", "avoid emoji", "do not use emoji"]),
        Rule(topic: "questions", one: ["ask clarifying questions", "ask follow-up questions", "ask the user"],
             other: ["do not ask questions", "don't ask questions", "never ask questions", "without asking questions"]),
    ]

    /// The first phrase of each side found in `texts`, per rule that both sides match.
    static func conflicts(in texts: [(field: String, text: String)]) -> [(rule: Rule, one: (field: String, phrase: String), other: (field: String, phrase: String))] {
        rules.compactMap { rule in
            guard let one = first(rule.one, in: texts), let other = first(rule.other, in: texts) else { return nil }
            // "do not use bullet points" contains "use bullet points": a phrase inside the other
            // side's phrase is not a second instruction.
            if one.field == other.field && (other.phrase.contains(one.phrase) || one.phrase.contains(other.phrase)) { return nil }
            return (rule, one, other)
        }
    }

    private static func first(_ phrases: [String], in texts: [(field: String, text: String)]) -> (field: String, phrase: String)? {
        for (field, text) in texts {
            let lowered = text.lowercased()
            // A negated mention ("not too detailed") is not the instruction itself.
            for phrase in phrases where TaskType.mentions(lowered, phrase) && !negated(phrase, in: lowered) {
                return (field, phrase)
            }
        }
        return nil
    }

    private static func negated(_ phrase: String, in text: String) -> Bool {
        ["not ", "not be ", "not too ", "no ", "never ", "don't be ", "avoid being ", "without being ", "don't ", "avoid "].contains { prefix in
            !phrase.hasPrefix(prefix.trimmingCharacters(in: .whitespaces)) && TaskType.mentions(text, prefix + phrase)
        }
    }
}
