/// A prompt version plus values → what a provider's API takes. Pure and deterministic: the same
/// document, values and settings always give the same payload.
public enum PromptRenderer {
    /// What a render asks for.
    public struct Request: Sendable {
        public var target: RenderTarget
        /// A model for this call, instead of the prompt's or the provider's default.
        public var model: String?
        public var variables: [String: JSONValue]
        /// `temperature`, `top_p`, `max_tokens`, and any provider parameter.
        public var params: [String: JSONValue]
        /// False leaves every `{{variable}}` in place (exports of a template); values are then not checked.
        public var substitute: Bool

        public init(target: RenderTarget, model: String? = nil, variables: [String: JSONValue] = [:], params: [String: JSONValue] = [:],
                    substitute: Bool = true) {
            self.target = target
            self.substitute = substitute
            self.model = model
            self.variables = variables
            self.params = params
        }
    }

    /// One render.
    public struct Result: Sendable, Equatable {
        public var target: RenderTarget
        public var model: String
        public var payload: JSONValue
        /// The canonical chat messages, variables substituted.
        public var messages: [ChatMessage]
        /// The prompt as one string, for providers that have one.
        public var text: String?
        public var tokenEstimate: Int
        public var warnings: [String]
    }

    /// Renders `document` (its includes already resolved) for `request.target`. Wrong or missing
    /// values and out-of-range settings are all reported in one ``ValidationFailures``.
    public static func render(_ document: PromptDocument, _ request: Request) throws(ValidationFailures) -> Result {
        let variables = document.variables ?? []
        var warnings: [String] = []
        var failures: [ValidationFailure] = []
        var bound: VariableBinder.Bound? = VariableBinder.Bound(values: [:], undeclared: [])
        if request.substitute {
            do { bound = try VariableBinder.bind(request.variables, to: variables) } catch { failures += error.failures }
        }
        var settings: RenderSettings?
        do {
            settings = try RenderSettings.resolve(for: request.target, prompt: document.model, model: request.model,
                                                  overrides: request.params, warnings: &warnings)
        } catch { failures += error.failures }
        guard let bound, let settings, failures.isEmpty else { throw ValidationFailures(failures: failures) }
        for name in bound.undeclared { warnings.append("variable \(name) is not declared by the prompt; it was ignored") }

        let context = MustacheValues.context(bound.values, types: Dictionary(variables.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first }))
        let compiled = MessageCompiler.messages(document.prompt)
        if request.substitute {
            // Bounded before rendering: nested sections over lists grow as a product of their lengths.
            let estimate = RenderBudget.bound(of: compiled.map(\.content), values: bound.values)
            if estimate > Double(RenderBudget.maxBytes) {
                throw ValidationFailures(failures: [ValidationFailure(field: "prompt", message:
                    "would render to more than \(RenderBudget.maxBytes) bytes with these values (sections over lists multiply what they hold)")])
            }
        }
        var messages: [ChatMessage] = []
        for (index, message) in compiled.enumerated() {
            let content = request.substitute
                ? try TemplateRenderer.render(message.content, context: context, field: "messages[\(index)]") : message.content
            if request.substitute, let token = ChatControlTokens.introduced(in: content, template: message.content) {
                throw ValidationFailures(failures: [ValidationFailure(field: "variables", message:
                    "the values make the chat control token \(token) in messages[\(index)]; values may not contain a chat format's control tokens, whole or in pieces")])
            }
            messages.append(ChatMessage(role: message.role, content: content))
        }
        if request.substitute { try PayloadParts.checkEmpty(messages, target: request.target, warnings: &warnings) }
        if let warning = ModelCatalogue.deprecationWarning(provider: request.target.provider, model: settings.model) { warnings.append(warning) }
        let input = PayloadInput(messages: messages, settings: settings, output: document.prompt.output, promptName: document.name)
        let payload: ProviderPayload = switch request.target {
        case .openai: OpenAIPayload.build(input, warnings: &warnings)
        case .openaiResponses: OpenAIResponsesPayload.build(input, warnings: &warnings)
        case .anthropic: try AnthropicPayload.build(input, warnings: &warnings)
        case .gemini: try GeminiPayload.build(input, warnings: &warnings)
        case .bedrock: try BedrockPayload.build(input, warnings: &warnings)
        case .llama: LlamaPayload.build(input, warnings: &warnings)
        }
        return Result(target: request.target, model: settings.model, payload: payload.body, messages: messages, text: payload.text,
                      tokenEstimate: TokenEstimate.estimate(messages), warnings: warnings)
    }
}
