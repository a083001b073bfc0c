public import PromptLibCore

/// One prompt of an import, as storage writes it.
public enum ImportWrite: Sendable {
    /// A new prompt: its versions in order (stored as 1…N) and its labels, name → version number.
    case create(versions: [PromptDocument], labels: [String: Int])
    /// The next version of an existing live prompt.
    case append(promptID: String, document: PromptDocument)
}
