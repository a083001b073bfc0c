import Foundation
import PromptLibCore
import PromptLibStorage

/// The rules of writing and reading prompts; controllers only translate HTTP to these calls.
struct PromptService: Sendable {
    let repository: any PromptRepository

    func create(_ document: PromptDocument, author: String) async throws -> PromptRecord {
        let valid = try PromptValidator.validate(document)
        do {
            return try await repository.create(valid, author: author)
        } catch StorageError.conflict {
            throw APIError(.conflict, .alreadyExists, "A prompt named '\(valid.name)' already exists", field: "name")
        }
    }

    func update(id: String, with document: PromptDocument, author: String) async throws -> PromptRecord {
        let id = try Self.checkedID(id)
        let valid = try PromptValidator.validate(document)
        let written: PromptRecord?
        do {
            written = try await repository.addVersion(to: id, valid, author: author)
        } catch StorageError.conflict {
            throw APIError(.conflict, .alreadyExists, "A prompt named '\(valid.name)' already exists", field: "name")
        }
        if let written { return written }
        guard try await repository.find(id: id) != nil else { throw APIError.notFound("Prompt \(id)") }
        throw APIError(.conflict, .conflict, "Prompt \(id) is archived; restore it before writing a new version")
    }

    func find(id: String) async throws -> PromptRecord {
        let id = try Self.checkedID(id)
        guard let record = try await repository.find(id: id) else { throw APIError.notFound("Prompt \(id)") }
        return record
    }

    func list(limit: Int, cursor: String?, includeArchived: Bool) async throws -> Page<PromptRecord> {
        try await repository.list(limit: limit, cursor: cursor, includeArchived: includeArchived)
    }

    func version(of id: String, number: Int) async throws -> PromptVersionRecord {
        let id = try Self.checkedID(id)
        guard let record = try await repository.version(of: id, number: number) else {
            throw APIError.notFound("Version \(number) of prompt \(id)")
        }
        return record
    }

    func versions(of id: String, limit: Int, cursor: String?) async throws -> Page<PromptVersionRecord> {
        let page = try await repository.versions(of: try Self.checkedID(id), limit: limit, cursor: cursor)
        // Every prompt has version 1, so an empty first page means there is no such prompt.
        if page.items.isEmpty && cursor == nil { throw APIError.notFound("Prompt \(id)") }
        return page
    }

    func setArchived(_ archived: Bool, id: String) async throws -> PromptRecord {
        let id = try Self.checkedID(id)
        guard let record = try await repository.setArchived(archived, id: id) else { throw APIError.notFound("Prompt \(id)") }
        return record
    }

    /// Ids are UUIDs; anything else cannot name a prompt, so it is a 404 without a query.
    static func checkedID(_ id: String) throws -> String {
        guard id.utf8.count == 36, let uuid = UUID(uuidString: id) else {
            throw APIError(.notFound, .notFound, "No prompt has this id")
        }
        return uuid.uuidString.lowercased()
    }
}
