/// Lifecycle state of a prompt.
public enum PromptStatus: String, Sendable, Codable, CaseIterable {
    case draft
    case active
    case archived
}
