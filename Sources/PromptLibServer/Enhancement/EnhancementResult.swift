import PromptLibCore

/// What a job produced, stored as JSON with the job: the analysis, the questions and the draft.
struct EnhancementResult: Codable, Sendable, Equatable {
    var task: String?
    var findings: [AnalyzerFinding]
    var questions: [EnhancementQuestion]
    /// The improved prompt, or `nil` before the first draft.
    var draft: PromptDocument?
    var changes: [EnhancementChange]
    var warnings: [String]
    /// The model that wrote the draft (model engine only).
    var model: String?

    static let empty = EnhancementResult(task: nil, findings: [], questions: [], draft: nil, changes: [], warnings: [], model: nil)

    /// Whether a required question has no answer in `answers`.
    func needsAnswers(_ answers: [String: JSONValue]) -> Bool {
        questions.contains { $0.required && (answers[$0.key] == nil || answers[$0.key] == .null) }
    }
}
