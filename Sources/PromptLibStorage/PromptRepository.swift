public import PromptLibCore

/// Storage of prompts and their immutable versions.
public protocol PromptRepository: Sendable {
    /// Stores `document` as version 1 of a new prompt. Throws ``StorageError/conflict(_:)`` when the name is taken.
    func create(_ document: PromptDocument, author: String) async throws -> PromptRecord

    /// Stores `document` as the next version of live prompt `id`; `nil` when there is no live prompt `id`.
    func addVersion(to id: String, _ document: PromptDocument, author: String) async throws -> PromptRecord?

    /// The prompt with its latest version, archived or not.
    func find(id: String) async throws -> PromptRecord?

    /// Prompts ordered by name, `limit` at a time, starting after `cursor`.
    func list(limit: Int, cursor: String?, includeArchived: Bool) async throws -> Page<PromptRecord>

    /// Version `number` of prompt `id`.
    func version(of id: String, number: Int) async throws -> PromptVersionRecord?

    /// Versions of prompt `id`, newest first, `limit` at a time, starting after `cursor`.
    func versions(of id: String, limit: Int, cursor: String?) async throws -> Page<PromptVersionRecord>

    /// Archives (`true`) or restores (`false`) prompt `id`; `nil` when there is no such prompt.
    func setArchived(_ archived: Bool, id: String) async throws -> PromptRecord?
}
