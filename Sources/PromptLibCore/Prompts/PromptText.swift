/// A prompt's body as plain text, which is what an include inserts.
///
/// With explicit `messages`, their contents joined by blank lines. Otherwise the structured fields
/// in this order: goal; `Audience:`; context; `Steps:` numbered; `Constraints:` as a list;
/// `Output:` format and fields; `Examples:` as Input/Output pairs. Empty fields are left out.
public enum PromptText {
    public static func compile(_ body: PromptBody) -> String {
        if let messages = body.messages, !messages.isEmpty {
            return messages.map(\.content).joined(separator: "\n\n")
        }
        var parts: [String] = []
        if let goal = body.goal, !goal.isEmpty { parts.append(goal) }
        if let audience = body.audience, !audience.isEmpty { parts.append("Audience: \(audience)") }
        if let context = body.context, !context.isEmpty { parts.append(context) }
        if let steps = body.steps, !steps.isEmpty {
            parts.append("Steps:\n" + steps.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n"))
        }
        if let constraints = body.constraints, !constraints.isEmpty {
            parts.append("Constraints:\n" + constraints.map { "- \($0)" }.joined(separator: "\n"))
        }
        if let output = body.output, output.format != nil || !(output.fields ?? []).isEmpty {
            var line = "Output:"
            if let format = output.format { line += " \(format)" }
            if let fields = output.fields, !fields.isEmpty { line += " with fields " + fields.joined(separator: ", ") }
            parts.append(line)
        }
        if let examples = body.examples, !examples.isEmpty {
            parts.append("Examples:\n" + examples.map { "Input: \($0.input)\nOutput: \($0.output)" }.joined(separator: "\n\n"))
        }
        return parts.joined(separator: "\n\n")
    }
}
