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
