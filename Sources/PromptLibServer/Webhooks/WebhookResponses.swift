import Foundation
import Hummingbird
import PromptLibStorage

/// A webhook as the API shows it: never its secret (shown once, in ``WebhookCreatedResponse``).
struct WebhookResponse: ResponseEncodable, Sendable {
    let id: String
    let url: String
    let description: String?
    let events: [String]
    let namePrefix: String?
    let label: String?
    let active: Bool
    let ownerID: String
    /// How its latest delivery went; nil before the first.
    let lastDelivery: DeliveryResponse?
    let createdAt: Date
    let updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, url, description, events, label, active
        case namePrefix = "name_prefix", ownerID = "owner_id", lastDelivery = "last_delivery", createdAt = "created_at", updatedAt = "updated_at"
    }

    init(_ record: WebhookRecord, last: WebhookDeliveryRecord?) {
        id = record.id
        url = record.url
        description = record.description
        events = WebhookQueue.settings(record).events.sorted()
        namePrefix = record.namePrefix
        label = record.label
        active = record.active
        ownerID = record.ownerID
        lastDelivery = last.map(DeliveryResponse.init)
        createdAt = record.createdAt
        updatedAt = record.updatedAt
    }
}

/// A webhook just made or given a new secret: the only answers that carry the secret.
struct WebhookCreatedResponse: ResponseEncodable, Sendable {
    let webhook: WebhookResponse
    let secret: String

    func encode(to encoder: any Encoder) throws {
        try webhook.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(secret, forKey: .secret)
    }

    private enum Key: String, CodingKey { case secret }
}

/// One delivery and where it stands.
struct DeliveryResponse: ResponseEncodable, Sendable {
    let id: String
    let eventType: String
    let status: String
    let attempts: Int
    let lastStatusCode: Int?
    let lastError: String?
    /// When it is tried next, while pending.
    let nextAttemptAt: Date?
    let createdAt: Date
    let deliveredAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, status, attempts
        case eventType = "event_type", lastStatusCode = "last_status_code", lastError = "last_error", nextAttemptAt = "next_attempt_at"
        case createdAt = "created_at", deliveredAt = "delivered_at"
    }

    init(_ record: WebhookDeliveryRecord) {
        id = record.id
        eventType = record.eventType
        status = record.status.rawValue
        attempts = record.attempts
        lastStatusCode = record.lastStatusCode
        lastError = record.lastError
        nextAttemptAt = record.status == .pending ? record.nextAttemptAt : nil
        createdAt = record.createdAt
        deliveredAt = record.deliveredAt
    }
}
