/// The kind of task a prompt sets, as the analyzer reads it from the goal and context.
public enum TaskType: String, Sendable, Codable, CaseIterable {
    case classification, extraction, summarization, translation, code, questionAnswering = "question_answering"
    case analysis, writing, conversation, other

    /// Whether worked examples usually help this kind of task (they pin down labels and formats).
    var benefitsFromExamples: Bool {
        [.classification, .extraction, .translation, .code].contains(self)
    }

    /// Whether the answer is read by people, so that naming them matters (a label or a query is not).
    var writesForPeople: Bool {
        [.writing, .summarization, .analysis, .questionAnswering, .conversation, .other].contains(self)
    }

    /// Whether the answer's form is open (a translation's or a conversation's is not).
    var needsOutputFormat: Bool {
        ![.translation, .conversation].contains(self)
    }

    /// Keywords that mark each task, strongest first. The first task with a keyword in the goal
    /// wins; then the context is tried the same way.
    static let keywords: [(TaskType, [String])] = [
        (.classification, ["classify", "categorize", "categorise", "label each", "label the", "sentiment", "tag each", "triage", "which category", "is spam", "detect whether"]),
        (.extraction, ["extract", "pull out", "parse", "fields from", "identify all", "list all the", "find every", "named entities"]),
        (.summarization, ["summarize", "summarise", "summary", "tl;dr", "condense", "key points", "recap"]),
        (.translation, ["translate", "translation", "into french", "into spanish", "into german", "into english", "localize", "localise"]),
        (.code, ["code", "function", "sql", "query", "script", "refactor", "debug", "unit test", "regex", "regular expression", "python", "javascript", "typescript", "swift", "bug"]),
        (.questionAnswering, ["answer the question", "answer questions", "faq", "answer the user's question", "using only the context", "based on the document"]),
        (.analysis, ["analyze", "analyse", "evaluate", "assess", "compare", "review", "critique", "root cause", "pros and cons", "audit"]),
        (.writing, ["write", "draft", "compose", "generate", "create a", "rewrite", "blog", "email", "post", "description", "copy", "story", "poem", "headline"]),
        (.conversation, ["you are a", "act as", "chat with", "assistant", "role-play", "roleplay", "tutor", "coach"]),
    ]

    /// The task `texts` describe, by ``keywords``.
    static func detect(goal: String, context: String?) -> TaskType {
        for text in [goal, context ?? ""] {
            let lowered = text.lowercased()
            for (task, words) in keywords where words.contains(where: { Self.mentions(lowered, $0) }) {
                return task
            }
        }
        return .other
    }

    /// Whether `word` occurs in `text` at word boundaries (so "code" does not match "decode").
    static func mentions(_ text: String, _ word: String) -> Bool {
        var start = text.startIndex
        while let range = text.range(of: word, range: start..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let isBoundary = { (c: Character?) in c.map { !$0.isLetter && !$0.isNumber } ?? true }
            if isBoundary(before) && isBoundary(after) { return true }
            start = range.upperBound
        }
        return false
    }
}
