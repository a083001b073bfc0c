import Foundation
import SQLKit

/// ``AuditRepository`` on any ``SQLStore``. There is no update or delete: the log only grows.
public struct SQLAuditRepository: AuditRepository {
    let store: any SQLStore

    /// Creates a repository on `store`.
    public init(store: any SQLStore) {
        self.store = store
    }

    public func append(_ event: AuditEvent) async throws {
        let details = event.details.isEmpty ? nil : String(decoding: try JSONEncoder().encode(event.details), as: UTF8.self)
        try await store.withDatabase { db in
            try await db.raw("""
                INSERT INTO audit_events (occurred_at, actor_id, actor_name, action, target_type, target_id, ip, user_agent, details)
                VALUES (\(bind: event.occurredAt), \(bind: event.actorID), \(bind: event.actorName), \(bind: event.action),
                        \(bind: event.targetType), \(bind: event.targetID), \(bind: event.ip), \(bind: event.userAgent), \(bind: details))
                """).run()
        }
    }

    public func list(_ filter: AuditFilter, limit: Int, cursor: String?) async throws -> Page<AuditEvent> {
        let before = try cursor.map(Cursor.decodeInt) ?? Int.max
        let rows = try await store.withDatabase { db in
            // Each optional filter is "(CAST(? AS TEXT) IS NULL OR column = ?)" (the cast tells PostgreSQL the parameter's type), so one statement serves every combination.
            try await db.raw("""
                SELECT id, occurred_at, actor_id, actor_name, action, target_type, target_id, ip, user_agent, details
                FROM audit_events WHERE id < \(bind: before)
                AND (CAST(\(bind: filter.actor) AS TEXT) IS NULL OR actor_name = \(bind: filter.actor) OR actor_id = \(bind: filter.actor))
                AND (CAST(\(bind: filter.action) AS TEXT) IS NULL OR action = \(bind: filter.action))
                AND (CAST(\(bind: filter.target) AS TEXT) IS NULL OR target_id = \(bind: filter.target))
                AND occurred_at >= \(bind: filter.since ?? Date(timeIntervalSince1970: 0))
                ORDER BY id DESC LIMIT \(bind: limit + 1)
                """).all().map(Self.event)
        }
        let page = Array(rows.prefix(limit))
        return Page(items: page, nextCursor: rows.count > limit ? page.last?.id.map { Cursor.encode(String($0)) } : nil)
    }

    static func event(_ row: any SQLRow) throws -> AuditEvent {
        let details = try row.decode(column: "details", as: String?.self)
            .flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) } ?? [:]
        var event = AuditEvent(
            action: try row.decode(column: "action", as: String.self),
            actorID: try row.decode(column: "actor_id", as: String?.self), actorName: try row.decode(column: "actor_name", as: String?.self),
            targetType: try row.decode(column: "target_type", as: String?.self), targetID: try row.decode(column: "target_id", as: String?.self),
            ip: try row.decode(column: "ip", as: String?.self), userAgent: try row.decode(column: "user_agent", as: String?.self),
            details: details, occurredAt: try row.decode(column: "occurred_at", as: Date.self)
        )
        event.id = try row.decode(column: "id", as: Int64.self)
        return event
    }
}
