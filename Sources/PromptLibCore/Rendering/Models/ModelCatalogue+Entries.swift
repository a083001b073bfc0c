extension ModelCatalogue {
    /// The entries, newest first per provider. OpenAI's ids and shutdown dates are those of the
    /// openai SDK's `ChatModel` list and its "Deprecated values" table; Anthropic's are the anthropic
    /// SDK's `ModelParam` list and `DEPRECATED_MODELS`; google-genai and botocore publish no
    /// deprecation data, so Gemini, Bedrock and Llama entries carry none.
    static let entries: [ModelInfo] = openAI + anthropic + gemini + bedrock + llama

    private static let openAI: [ModelInfo] = [
        ModelInfo("openai", "gpt-6.2-sol", family: "gpt-6", reasoning: true),
        ModelInfo("openai", "gpt-6.2-astra", family: "gpt-6", reasoning: true),
        ModelInfo("openai", "gpt-6.1-sol", family: "gpt-6", reasoning: true),
        ModelInfo("openai", "gpt-6.1-terra", family: "gpt-6", reasoning: true),
        ModelInfo("openai", "gpt-6-sol", family: "gpt-6", reasoning: true),
        ModelInfo("openai", "gpt-6-astra", family: "gpt-6", reasoning: true),
        ModelInfo("openai", "gpt-6-luna", family: "gpt-6", reasoning: true),
        ModelInfo("openai", "gpt-5.6-sol", family: "gpt-5", reasoning: true),
        ModelInfo("openai", "gpt-5.6-terra", family: "gpt-5", reasoning: true),
        ModelInfo("openai", "gpt-5.6-luna", family: "gpt-5", reasoning: true),
        ModelInfo("openai", "gpt-5.5", family: "gpt-5", reasoning: true, isDefault: true),
        ModelInfo("openai", "gpt-5.4", family: "gpt-5", reasoning: true),
        ModelInfo("openai", "gpt-5.4-mini", family: "gpt-5", reasoning: true),
        ModelInfo("openai", "gpt-5.4-nano", family: "gpt-5", reasoning: true, deprecatedOn: "2027-04-01"),
        ModelInfo("openai", "gpt-5.2", family: "gpt-5", reasoning: true),
        ModelInfo("openai", "gpt-5.1", family: "gpt-5", reasoning: true, deprecatedOn: "2027-04-01"),
        ModelInfo("openai", "gpt-5", family: "gpt-5", reasoning: true, context: 400_000, deprecatedOn: "2026-12-11"),
        ModelInfo("openai", "gpt-5-mini", family: "gpt-5", reasoning: true, context: 400_000, deprecatedOn: "2026-12-11"),
        ModelInfo("openai", "gpt-5-nano", family: "gpt-5", reasoning: true, context: 400_000, deprecatedOn: "2026-12-11"),
        ModelInfo("openai", "gpt-4.1", family: "gpt-4.1", context: 1_047_576, deprecatedOn: "2027-01-14"),
        ModelInfo("openai", "gpt-4.1-mini", family: "gpt-4.1", context: 1_047_576, deprecatedOn: "2027-01-14"),
        ModelInfo("openai", "gpt-4.1-nano", family: "gpt-4.1", context: 1_047_576, deprecatedOn: "2026-10-23"),
        ModelInfo("openai", "gpt-4o", family: "gpt-4o", context: 128_000, deprecatedOn: "2027-01-14"),
        ModelInfo("openai", "gpt-4o-mini", family: "gpt-4o", context: 128_000, deprecatedOn: "2027-01-14"),
        ModelInfo("openai", "o4-mini", family: "o-series", reasoning: true, context: 200_000, deprecatedOn: "2026-10-23"),
        ModelInfo("openai", "o3", family: "o-series", reasoning: true, context: 200_000, deprecatedOn: "2026-12-11"),
        ModelInfo("openai", "o3-mini", family: "o-series", reasoning: true, context: 200_000, deprecatedOn: "2026-10-23"),
        ModelInfo("openai", "o1", family: "o-series", reasoning: true, context: 200_000, deprecatedOn: "2026-10-23"),
        ModelInfo("openai", "gpt-4-turbo", family: "gpt-4", context: 128_000, deprecatedOn: "2026-10-23"),
        ModelInfo("openai", "gpt-3.5-turbo", family: "gpt-3.5", context: 16_385, deprecatedOn: "2026-10-23"),
    ]

    private static let anthropic: [ModelInfo] = [
        ModelInfo("anthropic", "claude-opus-5-5", family: "claude-opus", context: 200_000),
        ModelInfo("anthropic", "claude-sonnet-5-5", family: "claude-sonnet", context: 200_000, isDefault: true),
        ModelInfo("anthropic", "claude-haiku-5-5", family: "claude-haiku", context: 200_000),
        ModelInfo("anthropic", "claude-opus-5", family: "claude-opus", context: 200_000),
        ModelInfo("anthropic", "claude-sonnet-5", family: "claude-sonnet", context: 200_000),
        ModelInfo("anthropic", "claude-opus-4-8", family: "claude-opus", context: 200_000),
        ModelInfo("anthropic", "claude-opus-4-7", family: "claude-opus", context: 200_000),
        ModelInfo("anthropic", "claude-opus-4-6", family: "claude-opus", context: 200_000),
        ModelInfo("anthropic", "claude-sonnet-4-6", family: "claude-sonnet", context: 200_000),
        ModelInfo("anthropic", "claude-haiku-4-5", family: "claude-haiku", context: 200_000),
        ModelInfo("anthropic", "claude-opus-4-5", family: "claude-opus", context: 200_000, deprecatedOn: "2027-01-22"),
        ModelInfo("anthropic", "claude-sonnet-4-5", family: "claude-sonnet", context: 200_000, deprecatedOn: "2026-11-30"),
        ModelInfo("anthropic", "claude-sonnet-4-5-20250929", family: "claude-sonnet", context: 200_000, deprecatedOn: "2026-11-30"),
    ]

    private static let gemini: [ModelInfo] = [
        ModelInfo("gemini", "gemini-3.8-flash", family: "gemini-flash", reasoning: true),
        ModelInfo("gemini", "gemini-3.5-flash", family: "gemini-flash", reasoning: true),
        ModelInfo("gemini", "gemini-3.1-pro-preview", family: "gemini-pro", reasoning: true),
        ModelInfo("gemini", "gemini-3.1-flash-lite", family: "gemini-flash-lite"),
        ModelInfo("gemini", "gemini-2.5-pro", family: "gemini-pro", reasoning: true, context: 1_048_576),
        ModelInfo("gemini", "gemini-2.5-flash", family: "gemini-flash", reasoning: true, context: 1_048_576, isDefault: true),
        ModelInfo("gemini", "gemini-2.5-flash-lite", family: "gemini-flash-lite", context: 1_048_576),
    ]

    private static let bedrock: [ModelInfo] = [
        ModelInfo("bedrock", "anthropic.claude-sonnet-4-6", family: "claude-sonnet", context: 200_000, isDefault: true),
        ModelInfo("bedrock", "anthropic.claude-opus-4-1-20250805-v1:0", family: "claude-opus", context: 200_000),
        ModelInfo("bedrock", "amazon.nova-pro-v1:0", family: "amazon-nova", context: 300_000),
        ModelInfo("bedrock", "meta.llama3-3-70b-instruct-v1:0", family: "llama-3", context: 128_000),
    ]

    private static let llama: [ModelInfo] = [
        ModelInfo("llama", "llama-3.3-70b-instruct", family: "llama-3", context: 131_072),
        ModelInfo("llama", "llama-3.1-8b-instruct", family: "llama-3", context: 131_072, isDefault: true),
    ]
}
