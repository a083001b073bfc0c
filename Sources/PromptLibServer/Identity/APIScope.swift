/// What an API key may do, on top of what its owner's role allows.
public enum APIScope: String, Sendable, Codable, CaseIterable {
    /// Read prompts and their versions: what an application fetching `name@production` needs.
    case promptsRead = "prompts:read"
    /// Create, version, archive and restore prompts.
    case promptsWrite = "prompts:write"
    /// Move labels; `production` additionally needs the owner's own right to move it.
    case labelsWrite = "labels:write"
    /// Record runs and rate versions, and nothing else: what an application that logs its calls
    /// needs, without the right to edit prompts.
    case runsWrite = "runs:write"
}
