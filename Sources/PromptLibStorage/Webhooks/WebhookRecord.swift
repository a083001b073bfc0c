public import Foundation

/// An endpoint that hears of prompt events, as stored. `secret` is sealed (AES-256-GCM) like a
/// connection's credentials: the server needs it to sign, so it cannot be only a hash.
public struct WebhookRecord: Sendable, Equatable {
    public var id: String
    /// The account that registered it (by id): an admin's hears every prompt, anyone else's only
    /// the prompts that account owns.
    public var ownerID: String
    public var url: String
    public var description: String?
    /// The event types it wants, as a JSON array.
    public var events: String
    /// Only prompts whose name starts with this.
    public var namePrefix: String?
    /// Only events about this label (moves and removals).
    public var label: String?
    public var active: Bool
    public var secret: String
    public var keyID: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, ownerID: String, url: String, description: String?, events: String, namePrefix: String?, label: String?,
                active: Bool, secret: String, keyID: String, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.ownerID = ownerID
        self.url = url
        self.description = description
        self.events = events
        self.namePrefix = namePrefix
        self.label = label
        self.active = active
        self.secret = secret
        self.keyID = keyID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
