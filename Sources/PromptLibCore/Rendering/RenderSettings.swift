/// The model settings a render uses: the prompt's own, overridden per call, checked against the
/// target provider's ranges.
public struct RenderSettings: Sendable, Equatable {
    public var model: String
    public var temperature: Double?
    public var topP: Double?
    public var maxTokens: Int?
    /// Provider-specific settings, passed through (the prompt's `model.params`, then the call's extras).
    public var params: [String: JSONValue]

    /// Resolves the settings for `target` from the prompt's `model` block, a model named by the
    /// call, and the call's `params` (`temperature`, `top_p` and `max_tokens` override; any other
    /// key is a provider parameter). Every out-of-range value is reported at once.
    public static func resolve(
        for target: RenderTarget, prompt: ModelSettings?, model: String?, overrides: [String: JSONValue], warnings: inout [String]
    ) throws(ValidationFailures) -> RenderSettings {
        let ownProvider = target.matches(provider: prompt?.provider)
        var resolvedModel = model
        if resolvedModel == nil {
            if ownProvider, let name = prompt?.name {
                resolvedModel = name
            } else {
                if let provider = prompt?.provider, !ownProvider {
                    warnings.append("the prompt is written for \(provider); rendered for \(target.rawValue) with its default model")
                }
                resolvedModel = target.defaultModel
            }
        }
        var failures: [ValidationFailure] = []
        func number(_ key: String) -> Double? {
            guard let value = overrides[key] else { return nil }
            if case .number(let number) = value { return number }
            failures.append(ValidationFailure(field: "params.\(key)", message: "must be a number"))
            return nil
        }
        let temperature = number("temperature") ?? prompt?.temperature
        let topP = number("top_p") ?? prompt?.topP
        var maxTokens = prompt?.maxTokens
        if let value = number("max_tokens") {
            if value.rounded() == value, value >= 1, value < 1e9 { maxTokens = Int(value) } else {
                failures.append(ValidationFailure(field: "params.max_tokens", message: "must be a whole number above 0"))
            }
        }
        let source = { (key: String) in overrides[key] != nil ? "params.\(key)" : "model.\(key)" }
        if let temperature, !(0...target.maxTemperature).contains(temperature) {
            failures.append(ValidationFailure(field: source("temperature"),
                message: "must be between 0 and \(Self.format(target.maxTemperature)) for \(target.rawValue)"))
        }
        if let topP, !(0...1).contains(topP) {
            failures.append(ValidationFailure(field: source("top_p"), message: "must be between 0 and 1"))
        }
        if let maxTokens, maxTokens < 1 {
            failures.append(ValidationFailure(field: source("max_tokens"), message: "must be above 0"))
        }
        if !failures.isEmpty { throw ValidationFailures(failures: failures) }
        var params = ownProvider ? prompt?.params ?? [:] : [:]
        for (key, value) in overrides where !["temperature", "top_p", "max_tokens"].contains(key) { params[key] = value }
        return RenderSettings(model: resolvedModel ?? target.defaultModel, temperature: temperature, topP: topP, maxTokens: maxTokens, params: params)
    }

    private static func format(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }
}
