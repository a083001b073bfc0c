/// One thing the analyzer noticed about a prompt.
public struct AnalyzerFinding: Sendable, Equatable, Codable {
    /// What kind of problem, e.g. `missing_audience` (``PromptAnalyzer`` lists them all).
    public var code: String
    /// The field it concerns, such as `prompt.goal` or `prompt.steps[2]`.
    public var field: String?
    public var message: String

    public init(code: String, field: String? = nil, message: String) {
        self.code = code
        self.field = field
        self.message = message
    }
}

/// One change a draft makes to the prompt, and why.
public struct EnhancementChange: Sendable, Equatable, Codable {
    public var field: String
    public var change: String
    public var reason: String

    public init(field: String, change: String, reason: String) {
        self.field = field
        self.change = change
        self.reason = reason
    }
}
