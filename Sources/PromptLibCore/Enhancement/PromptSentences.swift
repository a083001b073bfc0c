import Foundation

/// Splits prose into sentences and tells instructions from rules, for restructuring a prompt.
enum PromptSentences {
    /// The sentences of `text`: ends at `.`, `!` or `?` followed by a space or the end, and at line
    /// breaks; `{{…}}` tags are never split (they hold no sentence ends anyway).
    static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            if character == "\n" {
                flush(&current, into: &sentences)
                continue
            }
            current.append(character)
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if ".!?".contains(character), next == nil || next == " " || next == "\n" {
                // "e.g." and "i.e." are not sentence ends.
                let lowered = current.lowercased()
                if !(lowered.hasSuffix("e.g.") || lowered.hasSuffix("i.e.") || lowered.hasSuffix("etc.") && next != nil) {
                    flush(&current, into: &sentences)
                }
            }
        }
        flush(&current, into: &sentences)
        return sentences
    }

    private static func flush(_ current: inout String, into sentences: inout [String]) {
        let trimmed = current.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "-*•").union(.whitespaces))
        if !trimmed.isEmpty { sentences.append(trimmed) }
        current = ""
    }

    /// Words that make a sentence a rule rather than a step.
    static let ruleMarkers = ["must", "never", "always", "do not", "don't", "should not", "shouldn't", "avoid", "only", "no more than",
                              "at most", "at least", "without", "under no circumstances", "make sure", "ensure"]

    /// Whether `sentence` states a rule (a constraint) rather than something to do.
    static func isRule(_ sentence: String) -> Bool {
        let lowered = sentence.lowercased()
        return ruleMarkers.contains { TaskType.mentions(lowered, $0) }
    }

    /// The number of words.
    static func words(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }
}
