import Foundation
import Hummingbird
import PromptLibStorage

/// Labels: moving one is how a release and a rollback happen.
///
/// `production` moves only by the prompt's owner or an admin (an API key acts as its owner and
/// also needs `labels:write`); other labels by anyone who may write the prompt.
struct LabelService: Sendable {
    static let automatic = "latest"
    static let guarded = "production"

    let prompts: PromptService
    let labels: any LabelRepository
    let collaborators: any CollaboratorRepository
    let audit: AuditLog
    let events: any EventBus<PromptEvent>

    /// Words of the label routes (`…/labels/history`): no label may take one.
    static let reserved: Set<String> = ["history"]

    func move(promptID: String, label: String, to version: Int, context: AppRequestContext) async throws -> LabelMove {
        let (prompt, identity) = try await authorize(promptID: promptID, label: label, verb: "move", context: context)
        guard let move = try await labels.move(promptID: prompt.id, label: label, to: version, by: identity.username, now: Date()) else {
            throw APIError(.notFound, .notFound, "Version \(version) of prompt \(prompt.id) was not found", field: "version")
        }
        try await audit.record("label.moved", context: context, targetType: "prompt", targetID: prompt.id, details: [
            "label": label, "from": move.fromVersion.map(String.init) ?? "none", "to": String(version),
        ])
        await events.publish(PromptEvent(.labelMoved, promptID: prompt.id, name: prompt.document.name, version: version, label: label,
                                         fromVersion: move.fromVersion, actorID: identity.userID))
        return move
    }

    /// Removes a label, with the same rights as moving it: `production` by the owner or an admin.
    func remove(promptID: String, label: String, context: AppRequestContext) async throws -> LabelMove {
        let (prompt, identity) = try await authorize(promptID: promptID, label: label, verb: "remove", context: context)
        guard let removal = try await labels.remove(promptID: prompt.id, label: label, by: identity.username, now: Date()) else {
            throw APIError(.notFound, .notFound, "Label '\(label)' of prompt \(prompt.id) is not set", field: "label")
        }
        try await audit.record("label.removed", context: context, targetType: "prompt", targetID: prompt.id, details: [
            "label": label, "from": String(removal.toVersion),
        ])
        await events.publish(PromptEvent(.labelRemoved, promptID: prompt.id, name: prompt.document.name, version: removal.toVersion, label: label,
                                         actorID: identity.userID))
        return removal
    }

    /// The prompt's labels and the versions they point at, `latest` first, then by name.
    func list(promptID: String) async throws -> [(label: String, version: Int)] {
        let prompt = try await prompts.find(id: promptID)
        let set = prompt.labels.filter { $0.key != Self.automatic }.sorted { $0.key < $1.key }.map { (label: $0.key, version: $0.value) }
        return [(label: Self.automatic, version: prompt.document.version ?? 1)] + set
    }

    static func reservedError(_ word: String) -> APIError {
        APIError.validation("'\(word)' is a reserved word of the label routes and cannot be a label", field: "label")
    }

    /// Checks the label's name and the caller's right to change it on this prompt.
    private func authorize(promptID: String, label: String, verb: String, context: AppRequestContext) async throws -> (PromptRecord, Identity) {
        let identity = try context.requireIdentity()
        guard Self.isValidName(label) else {
            throw APIError.validation("a label is 1–50 characters of lowercase letters, digits, '.', '_' and '-'", field: "label")
        }
        guard !Self.reserved.contains(label) else { throw Self.reservedError(label) }
        guard label != Self.automatic else {
            throw APIError.validation("'latest' always points at the newest version and cannot be moved or removed", field: "label")
        }
        let prompt = try await prompts.find(id: promptID)
        guard prompt.archivedAt == nil else {
            throw APIError(.conflict, .conflict, "Prompt \(prompt.id) is archived; restore it before changing labels")
        }
        if !identity.owns(prompt) {
            let mayWrite = try await collaborators.isCollaborator(promptID: prompt.id, userID: identity.userID)
            guard mayWrite && label != Self.guarded else {
                throw APIError(.forbidden, .permissionDenied, label == Self.guarded
                    ? "Only the prompt's owner or an admin may \(verb) production"
                    : "Only the prompt's owner, its collaborators or an admin may \(verb) its labels")
            }
        }
        return (prompt, identity)
    }

    func history(promptID: String, limit: Int, cursor: String?) async throws -> Page<LabelMove> {
        let prompt = try await prompts.find(id: promptID)
        return try await labels.history(promptID: prompt.id, limit: limit, cursor: cursor)
    }

    static func isValidName(_ label: String) -> Bool {
        guard let first = label.first, first.isLetter || first.isNumber, (1...50).contains(label.unicodeScalars.count) else { return false }
        return label.allSatisfy { c in
            guard let ascii = c.asciiValue else { return false }
            return (97...122).contains(ascii) || (48...57).contains(ascii) || ascii == 46 || ascii == 95 || ascii == 45
        }
    }
}

/// A label move as the API shows it.
struct LabelMoveResponse: ResponseEncodable, Sendable {
    let label: String
    let fromVersion: Int?
    let version: Int
    let movedBy: String
    let movedAt: Date

    enum CodingKeys: String, CodingKey {
        case label, version, removed, fromVersion = "from_version", movedBy = "moved_by", movedAt = "moved_at"
    }

    /// Whether the move removed the label (`version` is where it pointed until then).
    let removed: Bool

    init(_ move: LabelMove) {
        label = move.label
        fromVersion = move.fromVersion
        version = move.toVersion
        movedBy = move.movedBy
        movedAt = move.movedAt
        removed = move.removed
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encode(fromVersion, forKey: .fromVersion)
        try container.encode(version, forKey: .version)
        try container.encode(movedBy, forKey: .movedBy)
        try container.encode(movedAt, forKey: .movedAt)
        try container.encode(removed, forKey: .removed)
    }
}
