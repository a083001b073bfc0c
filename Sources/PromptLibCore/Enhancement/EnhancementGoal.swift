/// What an enhancement should improve. None given means all of them.
public enum EnhancementGoal: String, Sendable, Codable, CaseIterable {
    /// A precise goal, a named audience, no contradictions.
    case clarity
    /// Goal, steps and constraints each in their place; placeholders as declared variables.
    case structure
    /// A stated answer format.
    case outputFormat = "output_format"
    /// Worked examples where the task benefits from them.
    case examples
    /// Shorter steps and no filler.
    case brevity
}
