/// The request parameters each API takes besides the ones PromptLib sets itself, read from the
/// providers' official SDKs (``ModelCatalogue/sdkVersions``): a prompt's `model.params` and a call's
/// `params` pass through when the API has them and are dropped with a warning when it does not.
/// `scripts/sdk/conformance.py --parameters` checks every list against the SDK's request type.
public enum ProviderParameters {
    /// The parameters `target` takes besides those PromptLib sets, or nil when it takes any
    /// (Bedrock's `additionalModelRequestFields`, OpenAI-compatible servers).
    public static func accepted(by target: RenderTarget) -> Set<String>? {
        switch target {
        case .openai: openAIChat
        case .openaiResponses: openAIResponses
        case .anthropic: anthropic
        case .gemini: gemini
        case .bedrock, .llama: nil
        }
    }

    static func accepts(_ key: String, target: RenderTarget) -> Bool {
        accepted(by: target)?.contains(key) ?? true
    }

    /// The API's name as a person knows it, for warnings.
    static func apiName(_ target: RenderTarget) -> String {
        switch target {
        case .openai: "OpenAI Chat Completions"
        case .openaiResponses: "the OpenAI Responses API"
        case .anthropic: "Anthropic Messages"
        case .gemini: "Gemini generationConfig"
        case .bedrock: "Bedrock Converse"
        case .llama: "an OpenAI-compatible server"
        }
    }

    /// `CompletionCreateParamsNonStreaming`, less what the builder sets and streaming.
    static let openAIChat: Set<String> = [
        "audio", "frequency_penalty", "logit_bias", "logprobs", "max_completion_tokens", "metadata", "modalities", "moderation", "n",
        "parallel_tool_calls", "prediction", "presence_penalty", "prompt_cache_key", "prompt_cache_options",
        "prompt_cache_retention", "reasoning_effort", "response_format", "safety_identifier", "seed", "service_tier", "stop",
        "store", "tool_choice", "tools", "top_logprobs", "user", "verbosity", "web_search_options",
    ]

    /// `ResponseCreateParamsNonStreaming`, less what the builder sets and streaming.
    static let openAIResponses: Set<String> = [
        "background", "context_management", "conversation", "include", "max_output_tokens", "max_tool_calls", "metadata", "moderation",
        "parallel_tool_calls", "previous_response_id", "prompt", "prompt_cache_key", "prompt_cache_options",
        "prompt_cache_retention", "reasoning", "safety_identifier", "service_tier", "store", "text", "tool_choice", "tools",
        "top_logprobs", "truncation", "user",
    ]

    /// `MessageCreateParamsNonStreaming`: it has no `temperature`, `top_p` or `top_k` any more.
    static let anthropic: Set<String> = [
        "cache_control", "container", "inference_geo", "metadata", "output_config", "service_tier", "speed",
        "stop_sequences", "thinking", "tool_choice", "tools",
    ]

    /// google-genai's `GenerationConfig` fields, camelCase as the REST body has them.
    static let gemini: Set<String> = [
        "audioTimestamp", "candidateCount", "enableAffectiveDialog", "frequencyPenalty", "logprobs", "mediaResolution",
        "modelSelectionConfig", "presencePenalty", "responseJsonSchema", "responseLogprobs", "responseModalities",
        "routingConfig", "seed", "speechConfig", "stopSequences", "thinkingConfig", "topK",
    ]

    /// `top_k` → `topK`: Gemini's REST body is camelCase, prompts are often written in snake_case.
    static func camelCase(_ key: String) -> String {
        let parts = key.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return key }
        return String(parts[0]) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
