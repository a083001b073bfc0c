public import Foundation

/// Storage of webhooks and their delivery queue.
public protocol WebhookRepository: SealedSecrets {
    /// Stores `webhook` unless its owner already has `limit`; false then. Counted and written in
    /// one transaction, with the owner's row locked on PostgreSQL, so parallel creations cannot
    /// slip past the limit.
    func create(_ webhook: WebhookRecord, limit: Int) async throws -> Bool
    /// Writes everything but the secret, which only ``setSecret(id:secret:keyID:at:)`` changes
    /// (so an edit made meanwhile never undoes a rotation).
    @discardableResult func update(_ webhook: WebhookRecord) async throws -> Bool
    @discardableResult func setSecret(id: String, secret: String, keyID: String, at: Date) async throws -> Bool
    /// Deletes the webhook and its deliveries.
    @discardableResult func delete(id: String) async throws -> Bool
    func find(id: String) async throws -> WebhookRecord?
    /// Every webhook, or one account's; by creation.
    func list(ownerID: String?) async throws -> [WebhookRecord]
    /// The webhooks that are on, for matching an event.
    func active() async throws -> [WebhookRecord]

    func enqueue(_ deliveries: [WebhookDeliveryRecord]) async throws
    /// Pending deliveries due by `now` and not leased, oldest first.
    func due(now: Date, limit: Int) async throws -> [WebhookDeliveryRecord]
    /// Leases a due delivery until `until`; false when another replica took it first.
    func claim(id: String, now: Date, until: Date) async throws -> Bool
    /// Records an attempt's outcome and ends the lease, if the delivery is still pending at the
    /// attempt count it was claimed at; false when another replica recorded it first.
    @discardableResult func record(_ delivery: WebhookDeliveryRecord, claimedAt attempts: Int) async throws -> Bool
    /// A webhook's latest deliveries, newest first.
    func deliveries(webhookID: String, limit: Int) async throws -> [WebhookDeliveryRecord]
    /// Removes finished deliveries older than `before`; returns how many.
    @discardableResult func prune(before: Date) async throws -> Int
}
