/// The structured body of a prompt: the fields a chat template is compiled from,
/// or an explicit list of messages.
public struct PromptBody: Sendable, Hashable, Codable {
    /// What the model should achieve. Required.
    public var goal: String?
    /// Who the answer is for.
    public var audience: String?
    /// Background the model needs.
    public var context: String?
    /// Ordered steps to follow.
    public var steps: [String]?
    /// Rules the answer must respect.
    public var constraints: [String]?
    /// The answer's expected shape.
    public var output: OutputSpec?
    /// Worked examples.
    public var examples: [PromptExample]?
    /// An explicit chat template; when present it is used as is.
    public var messages: [ChatMessage]?

    /// Every template text of the body with its field path, in document order.
    public var templates: [(field: String, text: String)] {
        var out: [(String, String)] = []
        func add(_ field: String, _ text: String?) { if let text { out.append((field, text)) } }
        add("prompt.goal", goal)
        add("prompt.audience", audience)
        add("prompt.context", context)
        for (index, step) in (steps ?? []).enumerated() { add("prompt.steps[\(index)]", step) }
        for (index, rule) in (constraints ?? []).enumerated() { add("prompt.constraints[\(index)]", rule) }
        for (index, example) in (examples ?? []).enumerated() {
            add("prompt.examples[\(index)].input", example.input)
            add("prompt.examples[\(index)].output", example.output)
        }
        for (index, message) in (messages ?? []).enumerated() { add("prompt.messages[\(index)].content", message.content) }
        return out
    }

    /// Creates a body.
    public init(
        goal: String? = nil, audience: String? = nil, context: String? = nil,
        steps: [String]? = nil, constraints: [String]? = nil, output: OutputSpec? = nil,
        examples: [PromptExample]? = nil, messages: [ChatMessage]? = nil
    ) {
        self.goal = goal
        self.audience = audience
        self.context = context
        self.steps = steps
        self.constraints = constraints
        self.output = output
        self.examples = examples
        self.messages = messages
    }
}

extension PromptBody {
    /// The body with every template text replaced by `transform(text)`, fields in document order.
    public func mapTemplates(_ transform: (String) async throws -> String) async rethrows -> PromptBody {
        var body = self
        if let goal { body.goal = try await transform(goal) }
        if let audience { body.audience = try await transform(audience) }
        if let context { body.context = try await transform(context) }
        if let steps {
            var mapped: [String] = []
            for step in steps { mapped.append(try await transform(step)) }
            body.steps = mapped
        }
        if let constraints {
            var mapped: [String] = []
            for rule in constraints { mapped.append(try await transform(rule)) }
            body.constraints = mapped
        }
        if let examples {
            var mapped: [PromptExample] = []
            for example in examples {
                mapped.append(PromptExample(input: try await transform(example.input), output: try await transform(example.output)))
            }
            body.examples = mapped
        }
        if let messages {
            var mapped: [ChatMessage] = []
            for message in messages { mapped.append(ChatMessage(role: message.role, content: try await transform(message.content))) }
            body.messages = mapped
        }
        return body
    }
}
