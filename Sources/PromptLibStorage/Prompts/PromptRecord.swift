public import Foundation
public import PromptLibCore

/// A prompt as stored: its identity, lifecycle times and its latest version.
public struct PromptRecord: Sendable, Equatable, Codable {
    /// Stable identifier (a lowercase UUID).
    public var id: String
    /// The latest version's document, with `version` set.
    public var document: PromptDocument
    /// Author of the latest version.
    public var author: String
    /// When version 1 was written.
    public var createdAt: Date
    /// When the latest version was written.
    public var updatedAt: Date
    /// When the prompt was archived, or `nil` while it is live.
    public var archivedAt: Date?
    /// Where each label points (label → version); `latest` is implicit and not listed.
    public var labels: [String: Int] = [:]
    /// The id of the account that owns the prompt — what ownership is decided by; `document.owner`
    /// is its username, for display. `nil` when no account holds it (only admins manage it then).
    public var ownerID: String?

    /// Creates a record.
    public init(id: String, document: PromptDocument, author: String, createdAt: Date, updatedAt: Date, archivedAt: Date?) {
        self.id = id
        self.document = document
        self.author = author
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.archivedAt = archivedAt
    }
}

/// One immutable version of a prompt.
public struct PromptVersionRecord: Sendable, Equatable, Codable {
    /// The prompt this version belongs to.
    public var promptID: String
    /// The document exactly as written, with `version` set.
    public var document: PromptDocument
    /// Who wrote it.
    public var author: String
    /// When it was written.
    public var createdAt: Date

    /// Creates a version record.
    public init(promptID: String, document: PromptDocument, author: String, createdAt: Date) {
        self.promptID = promptID
        self.document = document
        self.author = author
        self.createdAt = createdAt
    }
}

/// One page of a list, with the cursor of the next page.
public struct Page<Item: Sendable>: Sendable {
    /// The items of this page.
    public var items: [Item]
    /// Opaque cursor for the next page; `nil` on the last page.
    public var nextCursor: String?

    /// Creates a page.
    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}
