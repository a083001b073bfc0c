/// What to list: filters, full-text query, sort and page.
public struct PromptQuery: Sendable {
    /// Sort orders of the prompt list.
    public enum Sort: String, Sendable, CaseIterable {
        case name, relevance, title, rating
        case updatedAt = "updated_at", createdAt = "created_at"
    }

    public var text: String?
    public var tag: String?
    public var owner: String?
    public var status: String?
    /// Names under this folder (`marketing` matches `marketing/…`).
    public var folder: String?
    public var includeArchived = false
    public var sort: Sort = .name
    public var descending = false
    public var limit = 50
    public var cursor: String?

    public init() {}
}
