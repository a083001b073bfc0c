/// The models PromptLib knows, per provider: defaults, capability rules (reasoning or not) and
/// deprecation warnings come from here rather than from name patterns.
///
/// Built from the providers' official SDKs — their model lists and deprecation tables (see
/// ``ModelCatalogue/sdkVersions``) — and checked against them in CI by `scripts/sdk/conformance.py`,
/// which fails when a default is deprecated or a date disagrees with the pinned SDK.
public enum ModelCatalogue {
    /// The SDK releases the entries were read from.
    public static let sdkVersions = "openai 3.57.0, anthropic 2.14.0, google-genai 3.6.1, botocore 1.44.8"

    /// Every known model.
    public static var all: [ModelInfo] { entries }

    /// The model a render for `provider` uses when neither the call nor the prompt names one.
    public static func defaultModel(for provider: String) -> String {
        defaults[provider] ?? ""
    }

    /// Looked up on every render, so indexed once.
    private static let byProvider: [String: [String: ModelInfo]] = Dictionary(grouping: entries, by: \.provider)
        .mapValues { Dictionary($0.map { ($0.model, $0) }, uniquingKeysWith: { first, _ in first }) }
    private static let defaults: [String: String] = Dictionary(entries.filter(\.isDefault).map { ($0.provider, $0.model) },
                                                               uniquingKeysWith: { first, _ in first })

    /// The catalogue's entry for `model` at `provider`: the id itself, or its undated form for a
    /// dated snapshot (`gpt-5.5-2026-04-23` → `gpt-5.5`).
    public static func info(provider: String, model: String) -> ModelInfo? {
        guard let known = byProvider[provider] else { return nil }
        return known[model] ?? undated(model).flatMap { known[$0] }
    }

    /// Whether `model` is an OpenAI reasoning model: the catalogue's word, and for a model it does not
    /// list yet, the families that are (o-series, and GPT-5 onwards).
    public static func isReasoning(openAIModel model: String) -> Bool {
        if let info = info(provider: "openai", model: model) { return info.reasoning }
        if ["o1", "o3", "o4"].contains(where: { model == $0 || model.hasPrefix($0 + "-") }) { return true }
        guard model.hasPrefix("gpt-") else { return false }
        let major = model.dropFirst(4).prefix { $0.isNumber }
        return Int(major).map { $0 >= 5 } ?? false
    }

    /// A warning for a model whose provider announced its end of life, or nil.
    public static func deprecationWarning(provider: String, model: String) -> String? {
        guard let date = info(provider: provider, model: model)?.deprecatedOn else { return nil }
        let replacement = defaultModel(for: provider)
        return "\(model) is deprecated by \(provider): its end of life is \(date); move to a current model such as \(replacement)"
    }

    /// `name-2026-04-23` or `name-20250929` → `name`.
    private static func undated(_ model: String) -> String? {
        let parts = model.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count > 3, parts.suffix(3).map(\.count) == [4, 2, 2], parts.suffix(3).allSatisfy({ $0.allSatisfy(\.isNumber) }) {
            return parts.dropLast(3).joined(separator: "-")
        }
        if parts.count > 1, let last = parts.last, last.count == 8, last.allSatisfy(\.isNumber) {
            return parts.dropLast().joined(separator: "-")
        }
        return nil
    }
}
