/// What a payload builder needs: the rendered messages, the settings, and the output spec.
public struct PayloadInput: Sendable {
    public var messages: [ChatMessage]
    public var settings: RenderSettings
    public var output: OutputSpec?
    /// The prompt's name, from which a JSON schema's name is made.
    public var promptName: String
}

/// One provider's request body.
public struct ProviderPayload: Sendable, Equatable {
    /// The JSON body the provider's API takes.
    public var body: JSONValue
    /// The prompt as one string, for providers that have one (Llama 3's chat template).
    public var text: String?
}

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
            throw ValidationFailures(failures: [ValidationFailure(field: "prompt.messages", message: "\(provider.rawValue) needs at least one user message")])
        }
        if first.role != .user {
            throw ValidationFailures(failures: [ValidationFailure(field: "prompt.messages", message: "\(provider.rawValue) needs the first message after the system prompt to be the user's")])
        }
    }

    /// Whether the prompt asks for JSON.
    static func wantsJSON(_ output: OutputSpec?) -> Bool { output?.format?.lowercased() == "json" }

    /// A schema object with one string property per output field, all required: JSON Schema
    /// (OpenAI, closed to other properties) or Gemini's OpenAPI subset (`upperCaseTypes`).
    static func jsonSchema(_ fields: [String], closed: Bool, upperCaseTypes: Bool = false) -> JSONValue {
        let (object, string) = upperCaseTypes ? ("OBJECT", "STRING") : ("object", "string")
        var schema: [String: JSONValue] = [
            "type": .string(object),
            "properties": .object(Dictionary(fields.map { ($0, JSONValue.object(["type": .string(string)])) }, uniquingKeysWith: { first, _ in first })),
            "required": .array(fields.map(JSONValue.string)),
        ]
        if closed { schema["additionalProperties"] = .bool(false) }
        return .object(schema)
    }

    /// A name for a schema from the prompt's name: `[a-zA-Z0-9_-]`, at most 64 characters.
    static func schemaName(_ promptName: String) -> String {
        let cleaned = String(promptName.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" }.prefix(64))
        return cleaned.isEmpty ? "output" : cleaned
    }

    static func number(_ value: Double?) -> JSONValue? { value.map(JSONValue.number) }
    static func integer(_ value: Int?) -> JSONValue? { value.map { .number(Double($0)) } }

    /// `base` with `params` added; keys the builder set itself win, so a parameter cannot replace
    /// the messages.
    static func adding(_ params: [String: JSONValue], to base: [String: JSONValue]) -> [String: JSONValue] {
        base.merging(params) { own, _ in own }
    }
}
