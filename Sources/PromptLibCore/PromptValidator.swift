/// Checks a prompt document against the schema's rules and returns it normalised.
///
/// The template rules (every referenced variable declared) arrive with the template engine;
/// this checks the structure every stored version must have.
public enum PromptValidator {
    /// Limits on field sizes, chosen so that one version stays comfortably small.
    public enum Limits {
        public static let titleLength = 200
        public static let summaryLength = 1_000
        public static let tagCount = 50
        public static let tagLength = 64
        public static let textLength = 100_000
        public static let variableCount = 100
        public static let commitMessageLength = 1_000
    }

    /// Returns `document` normalised (schema set, status defaulted, title trimmed),
    /// or throws ``ValidationFailures`` listing every broken rule.
    public static func validate(_ document: PromptDocument) throws(ValidationFailures) -> PromptDocument {
        var doc = document
        var failures: [ValidationFailure] = []
        func fail(_ field: String, _ message: String) { failures.append(.init(field: field, message: message)) }

        if let schema = doc.schema, schema != PromptDocument.currentSchema {
            fail("schema", "must be '\(PromptDocument.currentSchema)'")
        }
        doc.schema = PromptDocument.currentSchema
        if let problem = PromptName.problem(with: doc.name) { fail("name", problem) }
        doc.title = doc.title.trimmingWhitespace()
        if doc.title.isEmpty { fail("title", "must not be empty") }
        if doc.title.count > Limits.titleLength { fail("title", "must be at most \(Limits.titleLength) characters") }
        if let summary = doc.summary, summary.count > Limits.summaryLength {
            fail("summary", "must be at most \(Limits.summaryLength) characters")
        }
        let tags = doc.tags ?? []
        if tags.count > Limits.tagCount { fail("tags", "must have at most \(Limits.tagCount) entries") }
        for (index, tag) in tags.enumerated() where tag.trimmingWhitespace().isEmpty || tag.count > Limits.tagLength {
            fail("tags[\(index)]", "must be 1 to \(Limits.tagLength) characters")
        }
        if let message = doc.commitMessage, message.count > Limits.commitMessageLength {
            fail("commit_message", "must be at most \(Limits.commitMessageLength) characters")
        }
        if doc.status == nil { doc.status = .active }
        failures += bodyFailures(doc.prompt)
        failures += variableFailures(doc.variables ?? [])
        failures += modelFailures(doc.model)
        guard failures.isEmpty else { throw ValidationFailures(failures: failures) }
        return doc
    }

    static func bodyFailures(_ body: PromptBody) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        let goal = body.goal?.trimmingWhitespace() ?? ""
        let messages = body.messages ?? []
        if goal.isEmpty && messages.isEmpty {
            failures.append(.init(field: "prompt.goal", message: "a prompt needs a goal or at least one message"))
        }
        let texts: [(String, String?)] = [
            ("prompt.goal", body.goal), ("prompt.audience", body.audience), ("prompt.context", body.context),
        ] + messages.enumerated().map { ("prompt.messages[\($0.offset)].content", $0.element.content) }
        for (field, text) in texts where (text?.count ?? 0) > Limits.textLength {
            failures.append(.init(field: field, message: "must be at most \(Limits.textLength) characters"))
        }
        for (index, message) in messages.enumerated() where message.content.trimmingWhitespace().isEmpty {
            failures.append(.init(field: "prompt.messages[\(index)].content", message: "must not be empty"))
        }
        return failures
    }

    static func variableFailures(_ variables: [VariableDefinition]) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        if variables.count > Limits.variableCount {
            failures.append(.init(field: "variables", message: "must have at most \(Limits.variableCount) entries"))
        }
        var seen = Set<String>()
        for (index, variable) in variables.enumerated() {
            let field = "variables[\(index)]"
            if !isIdentifier(variable.name) {
                failures.append(.init(field: "\(field).name", message: "must start with a letter or '_' and contain only letters, digits and '_'"))
            } else if !seen.insert(variable.name).inserted {
                failures.append(.init(field: "\(field).name", message: "'\(variable.name)' is declared twice"))
            }
            if variable.type == .enum && (variable.options ?? []).isEmpty {
                failures.append(.init(field: "\(field).options", message: "an enum variable needs at least one option"))
            }
            if variable.type != .enum && variable.options != nil {
                failures.append(.init(field: "\(field).options", message: "only enum variables take options"))
            }
        }
        return failures
    }

    static func modelFailures(_ model: ModelSettings?) -> [ValidationFailure] {
        guard let model else { return [] }
        var failures: [ValidationFailure] = []
        if let temperature = model.temperature, !(0...2).contains(temperature) {
            failures.append(.init(field: "model.temperature", message: "must be between 0 and 2"))
        }
        if let maxTokens = model.maxTokens, maxTokens < 1 {
            failures.append(.init(field: "model.max_tokens", message: "must be a positive integer"))
        }
        return failures
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.count <= 64 else { return false }
        let letters = { (s: Unicode.Scalar) in (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || s == "_" }
        return letters(first) && name.unicodeScalars.allSatisfy { letters($0) || ($0 >= "0" && $0 <= "9") }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
