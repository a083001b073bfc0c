import Foundation
import PromptLibCore
import PromptLibStorage

/// The rules of writing and reading prompts; controllers only translate HTTP to these calls.
struct PromptService: Sendable {
    let repository: any PromptRepository
    let collaborators: any CollaboratorRepository
    let users: any UserRepository
    let audit: AuditLog
    let events: any EventBus<PromptEvent>

    /// A write and what it reports without refusing: variables no template uses, counting uses
    /// inside includes (resolved once, for the conflict check and for these).
    struct Saved {
        let record: PromptRecord
        let warnings: [ValidationFailure]
    }

    /// Creates version 1, owned and authored by the caller.
    func create(_ document: PromptDocument, context: AppRequestContext) async throws -> Saved {
        let identity = try context.requireIdentity()
        var valid = try PromptValidator.validate(document)
        try ReservedNames.check(valid.name, identity: identity)
        let warnings = PromptValidator.warnings(valid, resolved: try await withIncludes(valid)?.prompt)
        valid.owner = identity.username
        valid.baseVersion = nil
        let record: PromptRecord
        do {
            record = try await repository.create(valid, author: identity.username)
        } catch StorageError.conflict {
            throw APIError(.conflict, .alreadyExists, "A prompt named '\(valid.name)' already exists", field: "name")
        }
        try await audit.record("prompt.created", context: context, targetType: "prompt", targetID: record.id, details: ["name": valid.name])
        await events.publish(PromptEvent(.versionCreated, promptID: record.id, name: valid.name, version: 1, actorID: identity.userID))
        return Saved(record: record, warnings: warnings)
    }

    /// Writes the next version. The owner, a collaborator or an admin may; only an admin may change the owner.
    func update(id: String, with document: PromptDocument, expectedVersion: Int?, context: AppRequestContext) async throws -> Saved {
        let identity = try context.requireIdentity()
        let current = try await find(id: id)
        if !identity.owns(current) {
            guard try await collaborators.isCollaborator(promptID: current.id, userID: identity.userID) else {
                throw APIError(.forbidden, .permissionDenied, "Only the prompt's owner, its collaborators or an admin may write it")
            }
        }
        // Checked after ownership, so that callers who may not write learn nothing about versions.
        guard let expectedVersion = expectedVersion ?? document.baseVersion else {
            throw APIError(.preconditionRequired, .preconditionRequired,
                           "Send If-Match with the ETag you read (or base_version in the body), so no one's update is lost")
        }
        var valid = try PromptValidator.validate(document)
        let warnings = PromptValidator.warnings(valid, resolved: try await withIncludes(valid)?.prompt)
        valid.baseVersion = nil
        let renamed = valid.name != current.document.name
        // What `production` serves by name is the owner's to decide: a collaborator who could
        // rename a prompt away could put another under its name.
        if renamed && !identity.owns(current) {
            throw APIError(.forbidden, .permissionDenied, "Only the prompt's owner or an admin may rename it", field: "name")
        }
        if renamed { try ReservedNames.check(valid.name, identity: identity) }
        // Only an admin hands a prompt over; anyone else naming another owner is told so, not ignored.
        if identity.role != .admin, let owner = valid.owner, owner.lowercased() != current.document.owner?.lowercased() {
            throw APIError(.forbidden, .permissionDenied, "Only an admin may change a prompt's owner", field: "owner")
        }
        if identity.role != .admin || valid.owner == nil { valid.owner = current.document.owner }
        // An admin hands a prompt over by naming another account; the same name keeps the owning
        // account (which may be gone, leaving the prompt to admins) — a new account that took a
        // deleted one's name never inherits by an innocent edit.
        var transferTo: String?
        if let owner = valid.owner, owner != current.document.owner {
            guard let account = try await users.find(login: owner), account.username == owner.lowercased() else {
                throw APIError.validation("owner must be the username of an existing account", field: "owner")
            }
            valid.owner = account.username
            transferTo = account.id
        }
        let outcome: VersionWrite
        do {
            outcome = try await repository.addVersion(to: current.id, valid, author: identity.username, expectedVersion: expectedVersion, transferTo: transferTo)
        } catch StorageError.conflict {
            throw APIError(.conflict, .alreadyExists, "A prompt named '\(valid.name)' already exists", field: "name")
        }
        let written: PromptRecord
        switch outcome {
        case .written(let record): written = record
        case .notFound: throw APIError.notFound("Prompt \(current.id)")
        case .archived: throw APIError(.conflict, .conflict, "Prompt \(current.id) is archived; restore it before writing a new version")
        case .stale(let latest):
            throw APIError(.conflict, .conflict, "Version \(latest) was written since version \(expectedVersion); reload, merge and retry",
                           details: [.init(field: "current_version", message: String(latest))])
        }
        var details = ["version": String(written.document.version ?? 0)]
        if renamed { details["renamed_from"] = current.document.name; details["renamed_to"] = valid.name }
        try await audit.record(renamed ? "prompt.renamed" : "prompt.updated", context: context, targetType: "prompt", targetID: written.id,
                               details: details)
        await events.publish(PromptEvent(.versionCreated, promptID: written.id, name: written.document.name, version: written.document.version,
                                         renamedFrom: renamed ? current.document.name : nil, actorID: identity.userID))
        return Saved(record: written, warnings: warnings)
    }

    /// `document` with its includes resolved, or nil when they do not resolve yet (a prompt may be
    /// saved before the one it includes; a render reports it). Included variables that disagree with
    /// the prompt's own are refused here, at save time.
    func withIncludes(_ document: PromptDocument) async throws -> PromptDocument? {
        do {
            return try await IncludeResolver(prompts: self).resolve(document).0
        } catch let error as APIError where error.field?.hasPrefix("variables.") == true {
            throw error
        } catch is APIError {
            return nil
        }
    }

    static func requireOwnership(_ record: PromptRecord, _ identity: Identity) throws {
        guard identity.owns(record) else {
            throw APIError(.forbidden, .permissionDenied, "Only the prompt's owner or an admin may change it")
        }
    }

    func find(id: String) async throws -> PromptRecord {
        let id = try Self.checkedID(id)
        guard let record = try await repository.find(id: id) else { throw APIError.notFound("Prompt \(id)") }
        return record
    }

    /// The version of prompt `name` that `version` or `label` names; with neither, `production`
    /// when it is set, otherwise the latest. Returns the prompt and the version.
    func resolve(name: String, version: Int?, label: String?) async throws -> (PromptRecord, PromptVersionRecord) {
        try Self.checkSelector(version: version, label: label)
        guard let prompt = try await repository.find(name: name) else { throw APIError.notFound("Prompt '\(name)'") }
        return try await resolve(prompt, version: version, label: label)
    }

    /// As ``resolve(name:version:label:)``, for the prompt with this id.
    func resolve(id: String, version: Int?, label: String?) async throws -> (PromptRecord, PromptVersionRecord) {
        try Self.checkSelector(version: version, label: label)
        return try await resolve(try await find(id: id), version: version, label: label)
    }

    /// A version is picked by number or by label, never both; numbers start at 1. Checked before
    /// any lookup, so a bad selector is a `400` whether or not the prompt exists.
    static func checkSelector(version: Int?, label: String?) throws {
        if version != nil && label != nil { throw APIError.validation("give version or label, not both", field: "label") }
        if let version, version < 1 { throw APIError.validation("version must be a positive integer", field: "version") }
    }

    private func resolve(_ prompt: PromptRecord, version: Int?, label: String?) async throws -> (PromptRecord, PromptVersionRecord) {
        let name = prompt.document.name
        let latest = prompt.document.version ?? 1
        let number: Int
        if let version {
            number = version
        } else if let label, label != LabelService.automatic {
            guard let pointed = prompt.labels[label] else { throw APIError.notFound("Label '\(label)' of prompt '\(name)'") }
            number = pointed
        } else if label == nil, let production = prompt.labels[LabelService.guarded] {
            number = production
        } else {
            number = latest
        }
        if number == latest {
            let current = PromptVersionRecord(promptID: prompt.id, document: prompt.document, author: prompt.author, createdAt: prompt.updatedAt)
            return (prompt, current)
        }
        guard let record = try await repository.version(of: prompt.id, number: number) else {
            throw APIError.notFound("Version \(number) of prompt '\(name)'")
        }
        return (prompt, record)
    }

    func search(_ query: PromptQuery) async throws -> Page<PromptRecord> {
        try await repository.search(query)
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

    func setArchived(_ archived: Bool, id: String, context: AppRequestContext) async throws -> PromptRecord {
        let current = try await find(id: id)
        let identity = try context.requireIdentity()
        try Self.requireOwnership(current, identity)
        guard let record = try await repository.setArchived(archived, id: current.id) else { throw APIError.notFound("Prompt \(id)") }
        try await audit.record(archived ? "prompt.archived" : "prompt.restored", context: context, targetType: "prompt", targetID: record.id)
        await events.publish(PromptEvent(archived ? .archived : .restored, promptID: record.id, name: record.document.name, actorID: identity.userID))
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
