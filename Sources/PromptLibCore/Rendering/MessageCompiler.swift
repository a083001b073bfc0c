/// A prompt body as chat messages, before variables are substituted.
///
/// Explicit `messages` are used as they are. Otherwise the structured fields compile by one fixed
/// rule (docs/rendering.md): a **system** message holds the standing instructions — context,
/// `Audience:`, `Constraints:` as a list, and the output format — and is left out when all are
/// empty; each example becomes a user/assistant pair; the final **user** message holds the goal and
/// the numbered `Steps:`.
public enum MessageCompiler {
    public static func messages(_ body: PromptBody) -> [ChatMessage] {
        if let messages = body.messages, !messages.isEmpty { return messages }
        var system: [String] = []
        if let context = body.context, !context.isEmpty { system.append(context) }
        if let audience = body.audience, !audience.isEmpty { system.append("Audience: \(audience)") }
        if let constraints = body.constraints, !constraints.isEmpty {
            system.append("Constraints:\n" + constraints.map { "- \($0)" }.joined(separator: "\n"))
        }
        if let output = body.output.flatMap(outputInstruction) { system.append(output) }
        var messages: [ChatMessage] = []
        if !system.isEmpty { messages.append(ChatMessage(role: .system, content: system.joined(separator: "\n\n"))) }
        for example in body.examples ?? [] {
            messages.append(ChatMessage(role: .user, content: example.input))
            messages.append(ChatMessage(role: .assistant, content: example.output))
        }
        var task: [String] = []
        if let goal = body.goal, !goal.isEmpty { task.append(goal) }
        if let steps = body.steps, !steps.isEmpty {
            task.append("Steps:\n" + steps.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n"))
        }
        messages.append(ChatMessage(role: .user, content: task.joined(separator: "\n\n")))
        return messages
    }

    /// The output spec as an instruction: JSON names its fields; other formats name themselves.
    static func outputInstruction(_ output: OutputSpec) -> String? {
        let fields = output.fields ?? []
        switch output.format?.lowercased() {
        case "json":
            return fields.isEmpty ? "Answer with a JSON object." : "Answer with a JSON object with the fields: " + fields.joined(separator: ", ") + "."
        case let format?:
            return "Answer in \(format)." + (fields.isEmpty ? "" : " Include: " + fields.joined(separator: ", ") + ".")
        case nil:
            return fields.isEmpty ? nil : "Include: " + fields.joined(separator: ", ") + "."
        }
    }
}
