import Foundation

/// Something that happened to a prompt, carried to every replica by the ``EventBus``: what
/// real-time clients and webhooks react to. It names the ids it concerns and no content, so a
/// receiver decides from the prompt itself who may hear of it.
struct PromptEvent: BusMessage, Equatable {
    static let channel = "promptlib:events"

    enum Kind: String, Codable, Sendable, CaseIterable {
        case versionCreated = "prompt.version_created"
        case labelMoved = "prompt.label_moved"
        case labelRemoved = "prompt.label_removed"
        case archived = "prompt.archived"
        case restored = "prompt.restored"
        case ratingUpdated = "rating.updated"
    }

    let type: Kind
    let promptID: String
    /// The prompt's name after the change.
    let name: String
    /// The version written, or the one the label now points at (for a removal, the one it pointed
    /// at); nil for an archive or restore, and for a version an import wrote.
    var version: Int?
    var label: String?
    /// Where the label pointed before a move; nil when it was not set.
    var fromVersion: Int?
    /// The prompt's name before a rename.
    var renamedFrom: String?
    /// The account that made the change (by id, never by name).
    let actorID: String?
    let at: Date

    enum CodingKeys: String, CodingKey {
        case type, name, version, label, at
        case promptID = "prompt_id", fromVersion = "from_version", renamedFrom = "renamed_from", actorID = "actor_id"
    }

    init(_ type: Kind, promptID: String, name: String, version: Int? = nil, label: String? = nil, fromVersion: Int? = nil,
         renamedFrom: String? = nil, actorID: String?, at: Date = Date()) {
        self.type = type
        self.promptID = promptID
        self.name = name
        self.version = version
        self.label = label
        self.fromVersion = fromVersion
        self.renamedFrom = renamedFrom
        self.actorID = actorID
        self.at = at
    }
}
