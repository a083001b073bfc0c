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

    func move(promptID: String, label: String, to version: Int, context: AppRequestContext) async throws -> LabelMove {
        let identity = try context.requireIdentity()
        guard Self.isValidName(label) else {
            throw APIError.validation("a label is 1–50 characters of lowercase letters, digits, '.', '_' and '-'", field: "label")
        }
        guard label != Self.automatic else {
            throw APIError.validation("'latest' always points at the newest version and cannot be moved", field: "label")
        }
        let prompt = try await prompts.find(id: promptID)
        guard prompt.archivedAt == nil else {
            throw APIError(.conflict, .conflict, "Prompt \(prompt.id) is archived; restore it before moving labels")
        }
        if !identity.owns(prompt) {
            let mayWrite = try await collaborators.isCollaborator(promptID: prompt.id, userID: identity.userID)
            guard mayWrite && label != Self.guarded else {
                throw APIError(.forbidden, .permissionDenied, label == Self.guarded
                    ? "Only the prompt's owner or an admin may move production"
                    : "Only the prompt's owner, its collaborators or an admin may move its labels")
            }
        }
        guard let move = try await labels.move(promptID: prompt.id, label: label, to: version, by: identity.username, now: Date()) else {
            throw APIError(.notFound, .notFound, "Version \(version) of prompt \(prompt.id) was not found", field: "version")
        }
        try await audit.record("label.moved", context: context, targetType: "prompt", targetID: prompt.id, details: [
            "label": label, "from": move.fromVersion.map(String.init) ?? "none", "to": String(version),
        ])
        return move
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
        case label, version, fromVersion = "from_version", movedBy = "moved_by", movedAt = "moved_at"
    }

    init(_ move: LabelMove) {
        label = move.label
        fromVersion = move.fromVersion
        version = move.toVersion
        movedBy = move.movedBy
        movedAt = move.movedAt
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encode(fromVersion, forKey: .fromVersion)
        try container.encode(version, forKey: .version)
        try container.encode(movedBy, forKey: .movedBy)
        try container.encode(movedAt, forKey: .movedAt)
    }
}
