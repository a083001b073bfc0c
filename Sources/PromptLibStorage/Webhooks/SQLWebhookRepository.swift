import Foundation
import SQLKit

/// ``WebhookRepository`` on any ``SQLStore``.
public struct SQLWebhookRepository: WebhookRepository {
    let store: any SQLStore

    /// Creates a repository on `store`.
    public init(store: any SQLStore) {
        self.store = store
    }

    static let columns = "id, owner_id, url, description, events, name_prefix, label, active, secret, key_id, created_at, updated_at"
    static let deliveryColumns = """
        id, webhook_id, event_type, payload, status, attempts, next_attempt_at, last_status_code, last_error, created_at, delivered_at
        """

    public func create(_ w: WebhookRecord, limit: Int) async throws -> Bool {
        let lock = store.engine == .postgres ? " FOR UPDATE" : ""
        return try await store.transaction { db in
            _ = try await db.raw("SELECT id FROM users WHERE id = \(bind: w.ownerID)\(unsafeRaw: lock)").first()
            let count = try await db.raw("SELECT COUNT(*) AS n FROM webhooks WHERE owner_id = \(bind: w.ownerID)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            guard count < limit else { return false }
            try await db.raw("""
                INSERT INTO webhooks (\(unsafeRaw: Self.columns)) VALUES (\(bind: w.id), \(bind: w.ownerID), \(bind: w.url), \(bind: w.description),
                \(bind: w.events), \(bind: w.namePrefix), \(bind: w.label), \(bind: w.active ? 1 : 0), \(bind: w.secret), \(bind: w.keyID),
                \(bind: w.createdAt), \(bind: w.updatedAt))
                """).run()
            return true
        }
    }

    public func update(_ w: WebhookRecord) async throws -> Bool {
        try await store.withDatabase { db in
            try await db.raw("""
                UPDATE webhooks SET url = \(bind: w.url), description = \(bind: w.description), events = \(bind: w.events),
                    name_prefix = \(bind: w.namePrefix), label = \(bind: w.label), active = \(bind: w.active ? 1 : 0),
                    updated_at = \(bind: w.updatedAt)
                WHERE id = \(bind: w.id) RETURNING id
                """).first() != nil
        }
    }

    public func setSecret(id: String, secret: String, keyID: String, at: Date) async throws -> Bool {
        try await store.withDatabase { db in
            try await db.raw("""
                UPDATE webhooks SET secret = \(bind: secret), key_id = \(bind: keyID), updated_at = \(bind: at) WHERE id = \(bind: id) RETURNING id
                """).first() != nil
        }
    }

    public func delete(id: String) async throws -> Bool {
        try await store.transaction { db in
            try await db.raw("DELETE FROM webhook_deliveries WHERE webhook_id = \(bind: id)").run()
            return try await db.raw("DELETE FROM webhooks WHERE id = \(bind: id) RETURNING id").first() != nil
        }
    }

    public func find(id: String) async throws -> WebhookRecord? {
        try await store.readCurrent { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM webhooks WHERE id = \(bind: id)").first().map(Self.record)
        }
    }

    public func list(ownerID: String?) async throws -> [WebhookRecord] {
        try await store.readCurrent { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.columns) FROM webhooks
                WHERE CAST(\(bind: ownerID) AS TEXT) IS NULL OR owner_id = \(bind: ownerID) ORDER BY created_at, id
                """).all().map(Self.record)
        }
    }

    public func active() async throws -> [WebhookRecord] {
        try await store.readCurrent { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM webhooks WHERE active = 1 ORDER BY created_at, id").all().map(Self.record)
        }
    }

    public func enqueue(_ deliveries: [WebhookDeliveryRecord]) async throws {
        guard !deliveries.isEmpty else { return }
        try await store.transaction { db in
            for d in deliveries {
                try await db.raw("""
                    INSERT INTO webhook_deliveries (\(unsafeRaw: Self.deliveryColumns)) VALUES (\(bind: d.id), \(bind: d.webhookID),
                    \(bind: d.eventType), \(bind: d.payload), \(bind: d.status.rawValue), \(bind: d.attempts), \(bind: d.nextAttemptAt),
                    \(bind: d.lastStatusCode), \(bind: d.lastError), \(bind: d.createdAt), \(bind: d.deliveredAt))
                    """).run()
            }
        }
    }

    public func due(now: Date, limit: Int) async throws -> [WebhookDeliveryRecord] {
        // The oldest due delivery of each webhook: a webhook with a long backlog takes one
        // place, not all of them.
        try await store.withDatabase { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.deliveryColumns) FROM webhook_deliveries d
                WHERE d.id = (SELECT e.id FROM webhook_deliveries e
                              WHERE e.webhook_id = d.webhook_id AND e.status = 'pending' AND e.next_attempt_at <= \(bind: now)
                                AND (e.lease_until IS NULL OR e.lease_until < \(bind: now))
                              ORDER BY e.next_attempt_at, e.id LIMIT 1)
                ORDER BY d.next_attempt_at, d.id LIMIT \(bind: limit)
                """).all().map(Self.delivery)
        }
    }

    public func claim(id: String, now: Date, until: Date) async throws -> Bool {
        try await store.withDatabase { db in
            try await db.raw("""
                UPDATE webhook_deliveries SET lease_until = \(bind: until)
                WHERE id = \(bind: id) AND status = 'pending' AND (lease_until IS NULL OR lease_until < \(bind: now)) RETURNING id
                """).first() != nil
        }
    }

    public func record(_ d: WebhookDeliveryRecord, claimedAt attempts: Int) async throws -> Bool {
        try await store.withDatabase { db in
            try await db.raw("""
                UPDATE webhook_deliveries SET status = \(bind: d.status.rawValue), attempts = \(bind: d.attempts),
                    next_attempt_at = \(bind: d.nextAttemptAt), lease_until = NULL, last_status_code = \(bind: d.lastStatusCode),
                    last_error = \(bind: d.lastError), delivered_at = \(bind: d.deliveredAt)
                WHERE id = \(bind: d.id) AND status = 'pending' AND attempts = \(bind: attempts) RETURNING id
                """).first() != nil
        }
    }

    public func deliveries(webhookID: String, limit: Int) async throws -> [WebhookDeliveryRecord] {
        try await store.readCurrent { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.deliveryColumns) FROM webhook_deliveries WHERE webhook_id = \(bind: webhookID)
                ORDER BY created_at DESC, id DESC LIMIT \(bind: limit)
                """).all().map(Self.delivery)
        }
    }

    public func prune(before: Date) async throws -> Int {
        try await store.withDatabase { db in
            try await db.raw("""
                DELETE FROM webhook_deliveries WHERE status <> 'pending' AND created_at < \(bind: before) RETURNING id
                """).all().count
        }
    }

    public func sealed(notWith keyID: String, limit: Int) async throws -> [SealedSecret] {
        try await Self.sealedColumn.sealed(in: store, notWith: keyID, limit: limit)
    }

    public func reseal(id: String, expected: String, with ciphertext: String, keyID: String) async throws -> Bool {
        try await Self.sealedColumn.reseal(in: store, id: id, expected: expected, with: ciphertext, keyID: keyID)
    }

    static let sealedColumn = SealedColumn(table: "webhooks", column: "secret")

    static func record(_ row: any SQLRow) throws -> WebhookRecord {
        WebhookRecord(
            id: try row.decode(column: "id", as: String.self), ownerID: try row.decode(column: "owner_id", as: String.self),
            url: try row.decode(column: "url", as: String.self), description: try row.decode(column: "description", as: String?.self),
            events: try row.decode(column: "events", as: String.self), namePrefix: try row.decode(column: "name_prefix", as: String?.self),
            label: try row.decode(column: "label", as: String?.self), active: try row.decode(column: "active", as: Int.self) != 0,
            secret: try row.decode(column: "secret", as: String.self), keyID: try row.decode(column: "key_id", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self), updatedAt: try row.decode(column: "updated_at", as: Date.self)
        )
    }

    static func delivery(_ row: any SQLRow) throws -> WebhookDeliveryRecord {
        WebhookDeliveryRecord(
            id: try row.decode(column: "id", as: String.self), webhookID: try row.decode(column: "webhook_id", as: String.self),
            eventType: try row.decode(column: "event_type", as: String.self), payload: try row.decode(column: "payload", as: String.self),
            status: WebhookDeliveryRecord.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .failed,
            attempts: try row.decode(column: "attempts", as: Int.self), nextAttemptAt: try row.decode(column: "next_attempt_at", as: Date.self),
            lastStatusCode: try row.decode(column: "last_status_code", as: Int?.self), lastError: try row.decode(column: "last_error", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self), deliveredAt: try row.decode(column: "delivered_at", as: Date?.self)
        )
    }
}
