import Foundation
import Hummingbird
import PromptLibCore
import PromptLibStorage

/// `POST /api/v1/imports` and `promptlib import`: files in any export format, or an archive of
/// them, planned prompt by prompt and written in one transaction.
struct ImportService: Sendable {
    let repository: any PromptRepository
    let collaborators: any CollaboratorRepository
    let audit: AuditLog
    let events: any EventBus<PromptEvent>
    let limits: ArchiveLimits

    /// What to do with a prompt whose name exists already.
    enum Strategy: String, Sendable, CaseIterable {
        case skip
        case newVersion = "new_version"
        case rename
    }

    /// One prompt of the plan.
    struct Item: Encodable, Sendable {
        enum Action: String, Encodable, Sendable {
            case create, skip, conflict, rename
            case newVersion = "new_version"
        }

        let file: String
        let name: String
        var action: Action
        var versions: Int
        var importedAs: String?
        var reason: String?
        var id: String?
        /// The conflict is the caller's rights, not the name: a `403`, not a `409`.
        var denied = false

        enum CodingKeys: String, CodingKey {
            case file, name, action, versions, reason, id
            case importedAs = "imported_as"
        }
    }

    /// What an import did, or with `dry_run` would do.
    struct Result: ResponseEncodable, Sendable {
        let dryRun: Bool
        let items: [Item]
        var counts: [String: Int] {
            Dictionary(grouping: items, by: \.action.rawValue).mapValues(\.count)
        }

        enum CodingKeys: String, CodingKey { case dryRun = "dry_run", items, counts }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(dryRun, forKey: .dryRun)
            try container.encode(items, forKey: .items)
            try container.encode(counts, forKey: .counts)
        }
    }

    /// A prompt read from the upload: its file and versions, oldest first.
    struct Incoming: Sendable {
        let file: String
        var versions: [PromptDocument]
        var name: String { versions.last?.name ?? "" }
    }

    /// Imports `body`. `name` names the prompt of a provider request that PromptLib did not export
    /// (an OpenAI or Anthropic request body without `x_promptlib`).
    func run(_ body: Data, mediaType: String?, format: String?, name: String? = nil, dryRun: Bool, strategy: Strategy?,
             identity: Identity, context: AppRequestContext?, progress: ExportService.Progress? = nil) async throws -> Result {
        let incoming = try read(try files(body, mediaType: mediaType, format: format, name: name), progress: progress)
        guard !incoming.isEmpty else { throw APIError.validation("the upload holds no prompt: " + PromptImportParser.acceptedKinds, field: "file") }
        progress?("planning", 0, incoming.count)
        let (planned, writes) = try await plan(incoming, strategy: strategy, identity: identity)
        progress?("planning", incoming.count, incoming.count)
        var items = planned
        let conflicts = items.filter { $0.action == .conflict }
        if dryRun { return Result(dryRun: true, items: items) }
        let denied = conflicts.filter(\.denied)
        if !denied.isEmpty {
            throw APIError(.forbidden, .permissionDenied,
                           "You may not add versions to \(denied.count) of the prompts: only their owner, collaborators or an admin may; nothing was imported",
                           details: denied.prefix(200).map { APIError.Detail(field: $0.name, message: $0.reason ?? "not yours") })
        }
        if !conflicts.isEmpty {
            throw APIError(.conflict, .conflict,
                           "\(conflicts.count) of the prompts cannot be imported as they are; choose on_conflict=skip, new_version or rename (dry_run=true shows the plan)",
                           details: conflicts.prefix(200).map { APIError.Detail(field: $0.name, message: $0.reason ?? "exists") })
        }
        let ids: [String]
        progress?("writing (one transaction)", 0, writes.count)
        do {
            ids = try await repository.importAll(writes.map(\.write), author: identity.username)
            progress?("writing (one transaction)", writes.count, writes.count)
        } catch StorageError.conflict(let message) {
            throw APIError(.conflict, .conflict, "The import collided with a change made meanwhile; nothing was written (\(message))")
        }
        for (index, write) in writes.enumerated() { items[write.item].id = ids[index] }
        let result = Result(dryRun: false, items: items)
        try await audit.record("prompts.imported", context: context, actor: identity, targetType: "prompt", details: result.counts.mapValues(String.init))
        // Announced after the answer is on its way: an import of thousands of prompts should not
        // wait for thousands of PUBLISHes (in order, as one task).
        let announced = items.compactMap { item -> PromptEvent? in
            guard let id = item.id, item.action != .skip else { return nil }
            return PromptEvent(.versionCreated, promptID: id, name: item.importedAs ?? item.name, actorID: identity.userID)
        }
        let events = events
        Task { for event in announced { await events.publish(event) } }
        return result
    }
}
