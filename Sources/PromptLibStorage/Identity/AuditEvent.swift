public import Foundation

/// One entry of the append-only audit log. Never holds a password, token, key or credential.
public struct AuditEvent: Sendable, Equatable {
    /// Assigned by the database; increases with every event.
    public var id: Int64?
    public var occurredAt: Date
    public var actorID: String?
    public var actorName: String?
    /// What happened, such as `auth.login.failed` or `prompt.created`.
    public var action: String
    public var targetType: String?
    public var targetID: String?
    public var ip: String?
    public var userAgent: String?
    /// Small, non-secret facts about the event.
    public var details: [String: String]

    /// Creates an event happening now.
    public init(
        action: String, actorID: String? = nil, actorName: String? = nil, targetType: String? = nil, targetID: String? = nil,
        ip: String? = nil, userAgent: String? = nil, details: [String: String] = [:], occurredAt: Date = Date()
    ) {
        self.occurredAt = occurredAt
        self.actorID = actorID
        self.actorName = actorName
        self.action = action
        self.targetType = targetType
        self.targetID = targetID
        self.ip = ip
        self.userAgent = userAgent
        self.details = details
    }
}

/// Which audit events to list; `nil` fields match everything.
public struct AuditFilter: Sendable {
    public var actor: String?
    public var action: String?
    public var target: String?
    public var since: Date?

    public init(actor: String? = nil, action: String? = nil, target: String? = nil, since: Date? = nil) {
        self.actor = actor
        self.action = action
        self.target = target
        self.since = since
    }
}

/// The append-only audit log.
public protocol AuditRepository: Sendable {
    func append(_ event: AuditEvent) async throws
    /// Events matching `filter`, newest first.
    func list(_ filter: AuditFilter, limit: Int, cursor: String?) async throws -> Page<AuditEvent>
}
