public import PromptLibCore

/// The outcome of writing a new version.
public enum VersionWrite: Sendable, Equatable {
    case written(PromptRecord)
    case notFound
    case archived
    /// Someone else wrote first: the latest version is now `current`.
    case stale(current: Int)

    /// The record, when written.
    public var record: PromptRecord? {
        if case .written(let record) = self { return record }
        return nil
    }
}

/// Storage of prompts and their immutable versions.
public protocol PromptRepository: Sendable {
    /// Stores `document` as version 1 of a new prompt. Throws ``StorageError/conflict(_:)`` when the name is taken.
    func create(_ document: PromptDocument, author: String) async throws -> PromptRecord

    /// Stores `document` as the next version of prompt `id`, only if the prompt is live and, when
    /// `expectedVersion` is given, its latest version is still that one.
    /// `transferTo` hands the prompt to that account id; otherwise the owning account stays, whatever
    /// `document.owner` (a display name) says.
    func addVersion(to id: String, _ document: PromptDocument, author: String, expectedVersion: Int?, transferTo ownerID: String?) async throws -> VersionWrite

    /// Writes every prompt of an import in one transaction; returns their ids in order.
    func importAll(_ writes: [ImportWrite], author: String) async throws -> [String]

    /// Every version of each prompt, oldest first, by prompt id.
    func allVersions(of ids: [String]) async throws -> [String: [PromptVersionRecord]]

    /// The prompts with these names, archived or not, with their labels, by name.
    func find(names: [String]) async throws -> [String: PromptRecord]

    /// The prompt with its latest version, archived or not.
    func find(id: String) async throws -> PromptRecord?

    /// The prompt named `name`, with its latest version and labels.
    func find(name: String) async throws -> PromptRecord?

    /// Prompts ordered by name, `limit` at a time, starting after `cursor`.
    func list(limit: Int, cursor: String?, includeArchived: Bool) async throws -> Page<PromptRecord>

    /// Prompts matching a query (full text, filters), sorted and paged.
    func search(_ query: PromptQuery) async throws -> Page<PromptRecord>

    /// Each tag of live prompts with how many use it, most used first.
    func tagCounts() async throws -> [(tag: String, count: Int)]

    /// The names of all live prompts.
    func liveNames() async throws -> [String]

    /// Version `number` of prompt `id`.
    func version(of id: String, number: Int) async throws -> PromptVersionRecord?

    /// Versions of prompt `id`, newest first, `limit` at a time, starting after `cursor`.
    func versions(of id: String, limit: Int, cursor: String?) async throws -> Page<PromptVersionRecord>

    /// Archives (`true`) or restores (`false`) prompt `id`; `nil` when there is no such prompt.
    func setArchived(_ archived: Bool, id: String) async throws -> PromptRecord?
}

extension PromptRepository {
    /// ``addVersion(to:_:author:expectedVersion:transferTo:)`` keeping the owner.
    public func addVersion(to id: String, _ document: PromptDocument, author: String, expectedVersion: Int?) async throws -> VersionWrite {
        try await addVersion(to: id, document, author: author, expectedVersion: expectedVersion, transferTo: nil)
    }
}
