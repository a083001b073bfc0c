import Foundation
import Hummingbird
import PromptLibCore
import PromptLibStorage

/// A prompt as the API returns it: the latest version's document plus identity and times.
struct PromptResponse: ResponseEncodable {
    let record: PromptRecord
    /// Problems that did not stop a write, such as unused variables; sent only when non-empty.
    var warnings: [ValidationFailure] = []
    /// With `?resolve=true`: the includes that were replaced, and at which versions.
    var resolved: [IncludeResolver.Resolution]?

    enum ExtraKeys: String, CodingKey {
        case id, author, labels, status, warnings, resolved
        case createdAt = "created_at", updatedAt = "updated_at", archivedAt = "archived_at"
    }

    func encode(to encoder: any Encoder) throws {
        var document = record.document
        document.labels = nil
        document.status = nil
        try document.encode(to: encoder)
        var container = encoder.container(keyedBy: ExtraKeys.self)
        try container.encode(record.id, forKey: .id)
        try container.encode(record.archivedAt == nil ? (record.document.status ?? .active) : .archived, forKey: .status)
        try container.encode(Self.labels(record.labels, at: record.document.version ?? 0, latest: true), forKey: .labels)
        try container.encode(record.author, forKey: .author)
        try container.encode(record.createdAt, forKey: .createdAt)
        try container.encode(record.updatedAt, forKey: .updatedAt)
        try container.encode(record.archivedAt, forKey: .archivedAt)
        if !warnings.isEmpty {
            try container.encode(warnings.map { ["field": $0.field, "message": $0.message] }, forKey: .warnings)
        }
        try container.encodeIfPresent(resolved, forKey: .resolved)
    }
}

extension PromptResponse {
    /// The labels pointing at `version`, `latest` first when it is the newest.
    static func labels(_ labels: [String: Int], at version: Int, latest: Bool) -> [String] {
        (latest ? [LabelService.automatic] : []) + labels.filter { $0.value == version }.keys.sorted()
    }
}

/// One stored version, exactly as written, with who wrote it and when.
struct VersionResponse: ResponseEncodable {
    let record: PromptVersionRecord
    /// Labels pointing at this version.
    var labels: [String] = []
    /// With `?resolve=true`: the includes that were replaced, and at which versions.
    var resolved: [IncludeResolver.Resolution]?
    /// When the prompt is archived: every version of it then reports `status: archived`, so an
    /// application fetching it by name can tell.
    var archivedAt: Date?

    enum ExtraKeys: String, CodingKey {
        case promptID = "prompt_id", author, createdAt = "created_at", resolved, archivedAt = "archived_at"
    }

    func encode(to encoder: any Encoder) throws {
        var document = record.document
        document.labels = labels
        if archivedAt != nil { document.status = .archived }
        try document.encode(to: encoder)
        var container = encoder.container(keyedBy: ExtraKeys.self)
        try container.encode(record.promptID, forKey: .promptID)
        try container.encode(record.author, forKey: .author)
        try container.encode(record.createdAt, forKey: .createdAt)
        try container.encodeIfPresent(resolved, forKey: .resolved)
        try container.encode(archivedAt, forKey: .archivedAt)
    }
}

/// A line of a prompt's history.
struct VersionSummary: Encodable {
    let version: Int
    /// The prompt's name in this version, so renames show in the history.
    let name: String
    let author: String
    let createdAt: Date
    let commitMessage: String?

    enum CodingKeys: String, CodingKey {
        case version, name, author, createdAt = "created_at", commitMessage = "commit_message"
    }

    init(_ record: PromptVersionRecord) {
        version = record.document.version ?? 0
        name = record.document.name
        author = record.author
        createdAt = record.createdAt
        commitMessage = record.document.commitMessage
    }
}

/// A page of a list: `{"data": [...], "page": {"next_cursor": …, "limit": …}}`.
struct ListResponse<Item: Encodable & Sendable>: ResponseEncodable {
    struct PageInfo: Encodable {
        let nextCursor: String?
        let limit: Int
        enum CodingKeys: String, CodingKey { case nextCursor = "next_cursor", limit }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            // Explicit null, so clients can test for the last page without a missing-key check.
            try container.encode(nextCursor, forKey: .nextCursor)
            try container.encode(limit, forKey: .limit)
        }
    }

    let data: [Item]
    let page: PageInfo

    init<Source>(_ page: Page<Source>, limit: Int, map: (Source) -> Item) {
        self.data = page.items.map(map)
        self.page = PageInfo(nextCursor: page.nextCursor, limit: limit)
    }
}

extension PromptResponse: Sendable {}
extension VersionResponse: Sendable {}
extension VersionSummary: Sendable {}

extension PromptDiff: ResponseEncodable {}
