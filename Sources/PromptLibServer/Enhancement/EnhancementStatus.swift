/// Where an enhancement job is: `queued → analyzing → awaiting_answers | ready → accepted |
/// rejected | failed`. Answers take a job back to `analyzing`.
enum EnhancementStatus: String, Sendable, Codable {
    case queued, analyzing, awaitingAnswers = "awaiting_answers", ready, accepted, rejected, failed
}

/// How a job improves a prompt.
enum EnhancementEngine: String, Sendable, Codable {
    /// ``PromptLibCore/PromptAnalyzer``: rules, offline, deterministic.
    case builtin
    /// A model, through one of the user's connections.
    case model
}
