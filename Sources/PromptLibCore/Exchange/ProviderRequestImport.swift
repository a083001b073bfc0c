/// A provider's own request body — an OpenAI or OpenAI-compatible `messages` request, or an
/// Anthropic one with a top-level `system` — made into a prompt document, for files that were not
/// exported by PromptLib (they have no `x_promptlib` block, hence no name: the caller gives one).
public enum ProviderRequestImport {
    /// Why a provider request of another shape (the Responses API's `input`, Gemini's `contents`)
    /// cannot be imported, or nil when `value` is no such request.
    public static func unsupportedShape(_ value: JSONValue) -> String? {
        guard case .object(let body) = value, body[PromptExport.blockKey] == nil, body["prompt"] == nil, body["messages"] == nil,
              body["input"] != nil || body["contents"] != nil else { return nil }
        return "is a provider request PromptLib cannot read: it imports requests with a messages list (OpenAI Chat Completions, "
            + "Anthropic Messages) given a name, and any provider file PromptLib exported (with x_promptlib)"
    }

    /// Whether `value` looks like a provider request rather than a prompt document.
    public static func isProviderRequest(_ value: JSONValue) -> Bool {
        guard case .object(let body) = value, body[PromptExport.blockKey] == nil, body["prompt"] == nil else { return false }
        if case .array? = body["messages"] { return true }
        return false
    }

    /// The document: the messages as the prompt's explicit messages (text parts joined), the last
    /// user message as its goal, each `{{variable}}` they use declared as a string, and the model
    /// with its temperature, top_p and token limit.
    public static func document(from value: JSONValue, name: String) throws(ValidationFailure) -> PromptDocument {
        guard case .object(let body) = value, case .array(let items)? = body["messages"] else {
            throw ValidationFailure(field: "messages", message: "is missing: a provider request has a messages list")
        }
        var messages: [ChatMessage] = []
        if let system = text(body["system"]), !system.isEmpty { messages.append(ChatMessage(role: .system, content: system)) }
        for (index, item) in items.enumerated() {
            guard case .object(let message) = item, case .string(let roleName)? = message["role"],
                  let role = ChatMessage.Role(rawValue: roleName == "developer" ? "system" : roleName), let content = text(message["content"]) else {
                throw ValidationFailure(field: "messages[\(index)]", message: "needs a role (system, user or assistant) and text content")
            }
            messages.append(ChatMessage(role: role, content: content))
        }
        guard let goal = messages.last(where: { $0.role == .user })?.content else {
            throw ValidationFailure(field: "messages", message: "has no user message")
        }
        var declared: [String] = []
        for message in messages {
            if case .success(let references) = TemplateScanner.references(in: message.content, collections: []) {
                for reference in references where !declared.contains(reference.name) { declared.append(reference.name) }
            }
        }
        var model = ModelSettings(provider: body["system"] != nil ? "anthropic" : "openai", name: text(body["model"]))
        if case .number(let temperature)? = body["temperature"] { model.temperature = temperature }
        if case .number(let topP)? = body["top_p"] { model.topP = topP }
        for key in ["max_completion_tokens", "max_tokens"] { if case .number(let limit)? = body[key] { model.maxTokens = Int(exactly: limit) } }
        return PromptDocument(name: name, title: name.split(separator: "/").last.map(String.init) ?? name,
                              commitMessage: "Imported from a provider request", prompt: PromptBody(goal: goal, messages: messages),
                              variables: declared.isEmpty ? nil : declared.map { VariableDefinition(name: $0, type: .string) }, model: model)
    }

    /// A string, or the text of content parts (`[{"type": "text", "text": …}]`) joined.
    private static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: return text
        case .array(let parts)?:
            let texts = parts.compactMap { part -> String? in
                guard case .object(let members) = part, case .string(let text)? = members["text"] else { return nil }
                return text
            }
            return texts.count == parts.count ? texts.joined(separator: "\n") : nil
        default: return nil
        }
    }
}
