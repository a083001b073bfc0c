import Foundation
import Hummingbird
import PromptLibStorage

/// `GET /api/v1/audit-events?actor=&action=&target=&since=&cursor=` for admins.
struct AuditController {
    let repository: any AuditRepository

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get { request, _ -> ListResponse<AuditEventResponse> in
            let query = try ListQuery(request)
            let parameters = request.uri.formParameters
            var since: Date?
            if let text = parameters["since"].map(String.init) {
                guard let date = try? Date(text, strategy: .iso8601) else {
                    throw APIError.validation("since must be an ISO 8601 time such as 2026-01-31T00:00:00Z", field: "since")
                }
                since = date
            }
            let filter = AuditFilter(
                actor: parameters["actor"].map(String.init), action: parameters["action"].map(String.init),
                target: parameters["target"].map(String.init), since: since
            )
            let page = try await repository.list(filter, limit: query.limit, cursor: query.cursor)
            return ListResponse(page, limit: query.limit, map: AuditEventResponse.init)
        }
    }
}

/// An audit event as the API shows it.
struct AuditEventResponse: Encodable, Sendable {
    let id: Int64
    let occurredAt: Date
    let actorID: String?
    let actorName: String?
    let action: String
    let targetType: String?
    let targetID: String?
    let ip: String?
    let userAgent: String?
    let details: [String: String]

    enum CodingKeys: String, CodingKey {
        case id, action, ip, details
        case occurredAt = "occurred_at", actorID = "actor_id", actorName = "actor", targetType = "target_type"
        case targetID = "target_id", userAgent = "user_agent"
    }

    init(_ event: AuditEvent) {
        id = event.id ?? 0
        occurredAt = event.occurredAt
        actorID = event.actorID
        actorName = event.actorName
        action = event.action
        targetType = event.targetType
        targetID = event.targetID
        ip = event.ip
        userAgent = event.userAgent
        details = event.details
    }
}
