/// One version of a prompt: the canonical document that the API, YAML files and the database share.
///
/// `version` and `labels` are assigned by the server; values sent by a client are ignored.
public struct PromptDocument: Sendable, Hashable, Codable {
    /// The document format identifier written into every document.
    public static let currentSchema = "promptlib/v1"

    /// Document format identifier.
    public var schema: String?
    /// Unique slug; `/` separates folders.
    public var name: String
    /// Human title.
    public var title: String
    /// One-line description.
    public var summary: String?
    /// Free-form tags.
    public var tags: [String]?
    /// The owning user.
    public var owner: String?
    /// Lifecycle state.
    public var status: PromptStatus?
    /// Version number, immutable once written.
    public var version: Int?
    /// Labels pointing at this version.
    public var labels: [String]?
    /// Why this version was written.
    public var commitMessage: String?
    /// The prompt body.
    public var prompt: PromptBody
    /// Variables the templates may reference.
    public var variables: [VariableDefinition]?
    /// Target model and settings.
    public var model: ModelSettings?
    /// On a write: the version the client edited, as an alternative to `If-Match`. Never stored.
    public var baseVersion: Int?

    enum CodingKeys: String, CodingKey {
        case schema, name, title, summary, tags, owner, status, version, labels
        case commitMessage = "commit_message"
        case prompt, variables, model
        case baseVersion = "base_version"
    }

    /// Creates a document.
    public init(
        name: String, title: String, summary: String? = nil, tags: [String]? = nil, owner: String? = nil,
        status: PromptStatus? = nil, commitMessage: String? = nil, prompt: PromptBody,
        variables: [VariableDefinition]? = nil, model: ModelSettings? = nil
    ) {
        self.schema = Self.currentSchema
        self.name = name
        self.title = title
        self.summary = summary
        self.tags = tags
        self.owner = owner
        self.status = status
        self.commitMessage = commitMessage
        self.prompt = prompt
        self.variables = variables
        self.model = model
    }
}
