/// Checks a prompt document against the schema's rules and returns it normalised.
public enum PromptValidator {
    /// Limits on field sizes, chosen so that one version stays comfortably small.
    public enum Limits {
        public static let titleLength = 200
        public static let summaryLength = 500
        public static let tagCount = 20
        public static let tagLength = 50
        public static let textLength = 100_000
        public static let variableCount = 100
        public static let commitMessageLength = 1_000
        /// Keys in `model.params`, and members of any JSON object in the document: YAML reads and
        /// writes mappings in time that grows with the square of their size.
        public static let objectMembers = 256
        /// Entries in any list of the document (steps, constraints, examples, messages, output
        /// fields, options, JSON arrays): YAML writes sequences in time that grows with the square
        /// of their length, and diffs compare lines.
        public static let listLength = 1_000
        /// Values in all JSON data of a document (`model.params`, variable defaults) together, so
        /// that what JSON accepts YAML can always read back (under ``YAMLLimits``).
        public static let jsonNodes = 10_000
    }

    /// Returns `document` normalised (schema set, status defaulted, title trimmed, tags lowercased
    /// and deduplicated), or throws ``ValidationFailures`` listing every broken rule.
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
        if doc.title.unicodeScalars.count > Limits.titleLength { fail("title", "must be at most \(Limits.titleLength) characters") }
        if let summary = doc.summary, summary.unicodeScalars.count > Limits.summaryLength {
            fail("summary", "must be at most \(Limits.summaryLength) characters")
        }
        doc.tags = normalisedTags(doc.tags)
        let tags = doc.tags ?? []
        if tags.count > Limits.tagCount { fail("tags", "must have at most \(Limits.tagCount) entries") }
        for (index, tag) in tags.enumerated() where tag.isEmpty || tag.unicodeScalars.count > Limits.tagLength {
            fail("tags[\(index)]", "must be 1 to \(Limits.tagLength) characters")
        }
        if let message = doc.commitMessage, message.unicodeScalars.count > Limits.commitMessageLength {
            fail("commit_message", "must be at most \(Limits.commitMessageLength) characters")
        }
        if doc.status == nil { doc.status = .active }
        failures += bodyFailures(doc.prompt)
        failures += VariableRules.failures(doc.variables ?? [])
        for (index, variable) in (doc.variables ?? []).enumerated() where (variable.default?.widestObject ?? 0) > Limits.objectMembers {
            fail("variables[\(index)].default", "must have at most \(Limits.objectMembers) keys in any object")
        }
        failures += sizeFailures(doc)
        failures += modelFailures(doc.model)
        failures += TemplateRules.failures(doc)
        guard failures.isEmpty else { throw ValidationFailures(failures: failures) }
        return doc
    }

    /// Problems that do not stop a save, such as a declared variable no template uses (inside the
    /// `resolved` body, includes expanded, when it is known).
    public static func warnings(_ document: PromptDocument, resolved: PromptBody? = nil) -> [ValidationFailure] {
        TemplateRules.warnings(document, resolved: resolved)
    }

    static func normalisedTags(_ tags: [String]?) -> [String]? {
        guard let tags else { return nil }
        var seen = Set<String>()
        return tags.map { $0.trimmingWhitespace().lowercased() }.filter { seen.insert($0).inserted }
    }

    static func bodyFailures(_ body: PromptBody) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        if (body.goal?.trimmingWhitespace() ?? "").isEmpty {
            failures.append(.init(field: "prompt.goal", message: "is required"))
        }
        for (field, text) in body.templates where text.unicodeScalars.count > Limits.textLength {
            failures.append(.init(field: field, message: "must be at most \(Limits.textLength) characters"))
        }
        for (index, message) in (body.messages ?? []).enumerated() where message.content.trimmingWhitespace().isEmpty {
            failures.append(.init(field: "prompt.messages[\(index)].content", message: "must not be empty"))
        }
        // Each field is a property of the JSON schema the renders ask for: a blank or repeated one
        // makes a schema no provider accepts (`"required": ["title", "title"]`).
        var seenFields = Set<String>()
        for (index, field) in (body.output?.fields ?? []).enumerated() {
            if field.trimmingWhitespace().isEmpty {
                failures.append(.init(field: "prompt.output.fields[\(index)]", message: "must not be empty"))
            } else if field.trimmingWhitespace() != field {
                failures.append(.init(field: "prompt.output.fields[\(index)]", message: "must not start or end with spaces (it names a JSON property)"))
            } else if !seenFields.insert(field).inserted {
                failures.append(.init(field: "prompt.output.fields[\(index)]", message: "repeats the field '\(field)'; each output field must be named once"))
            }
        }
        return failures
    }

    /// List lengths, JSON size and non-finite numbers (YAML's `.inf` and `.nan` cannot be stored as JSON).
    static func sizeFailures(_ doc: PromptDocument) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        let body = doc.prompt
        let lists: [(String, Int?)] = [("prompt.steps", body.steps?.count), ("prompt.constraints", body.constraints?.count),
                                       ("prompt.examples", body.examples?.count), ("prompt.messages", body.messages?.count),
                                       ("prompt.output.fields", body.output?.fields?.count)]
            + (doc.variables ?? []).enumerated().map { ("variables[\($0.offset)].options", $0.element.options?.count) }
        for case let (field, count?) in lists where count > Limits.listLength {
            failures.append(.init(field: field, message: "must have at most \(Limits.listLength) entries"))
        }
        var json: [(String, JSONValue)] = (doc.model?.params ?? [:]).sorted { $0.key < $1.key }.map { ("model.params.\($0.key)", $0.value) }
        json += (doc.variables ?? []).enumerated().compactMap { item in item.element.default.map { ("variables[\(item.offset)].default", $0) } }
        var nodes = 0
        for (field, value) in json {
            nodes += value.nodeCount
            if !value.isFinite { failures.append(.init(field: field, message: "must be a finite number (not .inf or .nan)")) }
            if value.longestArray > Limits.listLength { failures.append(.init(field: field, message: "must have at most \(Limits.listLength) entries in any list")) }
        }
        if nodes > Limits.jsonNodes {
            failures.append(.init(field: json.first?.0 ?? "model.params", message: "JSON data must hold at most \(Limits.jsonNodes) values in all"))
        }
        return failures
    }

    static func modelFailures(_ model: ModelSettings?) -> [ValidationFailure] {
        guard let model else { return [] }
        var failures: [ValidationFailure] = []
        if let temperature = model.temperature, !(0...2).contains(temperature) {
            failures.append(.init(field: "model.temperature", message: "must be between 0 and 2"))
        }
        if let topP = model.topP, !(0...1).contains(topP) {
            failures.append(.init(field: "model.top_p", message: "must be between 0 and 1"))
        }
        if let maxTokens = model.maxTokens, maxTokens < 1 {
            failures.append(.init(field: "model.max_tokens", message: "must be a positive integer"))
        }
        if let params = model.params, params.count > Limits.objectMembers || params.values.contains(where: { $0.widestObject > Limits.objectMembers }) {
            failures.append(.init(field: "model.params", message: "must have at most \(Limits.objectMembers) keys in any object"))
        }
        return failures
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
