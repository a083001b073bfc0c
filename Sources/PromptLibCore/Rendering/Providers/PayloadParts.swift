/// Shared pieces of the payload builders.
enum PayloadParts {
    /// Consecutive messages of one role joined into one: Anthropic, Gemini and Bedrock want turns
    /// to alternate.
    static func alternating(_ messages: [ChatMessage]) -> [ChatMessage] {
        var out: [ChatMessage] = []
        for message in messages {
            if let last = out.last, last.role == message.role {
                out[out.count - 1].content += "\n\n" + message.content
            } else {
                out.append(message)
            }
        }
        return out
    }

    /// The system messages' text joined, and the rest: for APIs that take the system prompt apart.
    static func splitSystem(_ messages: [ChatMessage]) -> (system: String?, turns: [ChatMessage]) {
        let system = messages.filter { $0.role == .system }.map(\.content)
        return (system.isEmpty ? nil : system.joined(separator: "\n\n"), messages.filter { $0.role != .system })
    }

    /// Anthropic and Bedrock need the first turn to be the user's.
    static func requireUserFirst(_ turns: [ChatMessage], provider: RenderTarget) throws(ValidationFailures) {
        guard let first = turns.first else {
            throw failure("prompt.messages", "\(provider.rawValue) needs at least one user message; this prompt has only a system message")
        }
        if first.role != .user {
            throw failure("prompt.messages", "\(provider.rawValue) needs the first message after the system prompt to be the user's")
        }
    }

    /// Anthropic, Gemini and Bedrock refuse a message with no text; the others take it, with a warning.
    static func checkEmpty(_ messages: [ChatMessage], target: RenderTarget, warnings: inout [String]) throws(ValidationFailures) {
        let empty = messages.indices.filter { messages[$0].content.trimmingWhitespace().isEmpty }
        guard !empty.isEmpty else { return }
        switch target {
        case .anthropic, .gemini, .bedrock:
            throw ValidationFailures(failures: empty.map { index in
                ValidationFailure(field: "messages[\(index)]", message:
                    "the \(messages[index].role.rawValue) message is empty after substitution, and \(target.rawValue) refuses empty messages; give its variables values or remove it")
            })
        case .openai, .openaiResponses, .llama:
            for index in empty { warnings.append("messages[\(index)] (\(messages[index].role.rawValue)) is empty after substitution") }
        }
    }

    /// Whether the prompt asks for JSON.
    static func wantsJSON(_ output: OutputSpec?) -> Bool { output?.format?.lowercased() == "json" }

    /// The output fields a JSON answer must have, in the order the prompt declares them.
    static func fields(_ output: OutputSpec?) -> [String] { output?.fields ?? [] }

    /// A schema object with one string property per output field, all required: JSON Schema closed
    /// to other properties (OpenAI, Anthropic), or Gemini's OpenAPI subset with upper-case types and
    /// `propertyOrdering`, which keeps the declared order (JSON objects have none).
    static func jsonSchema(_ fields: [String], gemini: Bool = false) -> JSONValue {
        let (object, string) = gemini ? ("OBJECT", "STRING") : ("object", "string")
        var schema: [String: JSONValue] = [
            "type": .string(object),
            "properties": .object(Dictionary(fields.map { ($0, JSONValue.object(["type": .string(string)])) }, uniquingKeysWith: { first, _ in first })),
            "required": .array(fields.map(JSONValue.string)),
        ]
        if gemini {
            schema["propertyOrdering"] = .array(fields.map(JSONValue.string))
        } else {
            schema["additionalProperties"] = .bool(false)
        }
        return .object(schema)
    }

    /// A name for a schema from the prompt's name: `[a-zA-Z0-9_-]`, at most 64 characters.
    static func schemaName(_ promptName: String) -> String {
        let cleaned = String(promptName.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" }.prefix(64))
        return cleaned.isEmpty ? "output" : cleaned
    }

    static func number(_ value: Double?) -> JSONValue? { value.map(JSONValue.number) }
    static func integer(_ value: Int?) -> JSONValue? { value.map { .number(Double($0)) } }

    /// `base` with the provider parameters the API takes (``ProviderParameters``) added; keys the
    /// builder set itself win, so a parameter cannot replace the messages. Others are left out with a
    /// warning: the same prompt renders for every provider, so one provider's knob is no error.
    static func adding(_ params: [String: JSONValue], to base: [String: JSONValue], target: RenderTarget,
                       warnings: inout [String]) -> [String: JSONValue] {
        var body = base
        for (key, value) in params.sorted(by: { $0.key < $1.key }) {
            guard ProviderParameters.accepts(key, target: target) else {
                warnings.append("params.\(key) is not a parameter of \(ProviderParameters.apiName(target)); it was left out")
                continue
            }
            if body[key] == nil { body[key] = value }
        }
        return body
    }

    static func failure(_ field: String, _ message: String) -> ValidationFailures {
        ValidationFailures(failures: [ValidationFailure(field: field, message: message)])
    }
}
