import PromptLibCore

/// One prompt, values and settings to render for every provider.
struct CorpusCase {
    var name: String
    var document: PromptDocument
    var values: [String: JSONValue]
    /// Per target: a model for the call and call parameters, one render each (none: the defaults).
    var variants: [RenderTarget: [(model: String?, params: [String: JSONValue])]] = [:]
}
