public import Foundation

/// One event on its way to one webhook, queued in the database so that it survives restarts and
/// any replica can send it. The body is fixed when queued; each attempt signs it afresh.
public struct WebhookDeliveryRecord: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// Waiting for its next attempt (``WebhookDeliveryRecord/nextAttemptAt``).
        case pending
        /// Answered with a 2xx.
        case delivered
        /// Given up on: a day of retries passed, or the webhook was turned off.
        case failed
    }

    public var id: String
    public var webhookID: String
    public var eventType: String
    public var payload: String
    public var status: Status
    public var attempts: Int
    public var nextAttemptAt: Date
    /// The HTTP status of the last attempt; nil when it got no answer.
    public var lastStatusCode: Int?
    /// Why the last attempt failed, in a few words (never the endpoint's body).
    public var lastError: String?
    public var createdAt: Date
    public var deliveredAt: Date?

    public init(id: String, webhookID: String, eventType: String, payload: String, status: Status = .pending, attempts: Int = 0,
                nextAttemptAt: Date, lastStatusCode: Int? = nil, lastError: String? = nil, createdAt: Date, deliveredAt: Date? = nil) {
        self.id = id
        self.webhookID = webhookID
        self.eventType = eventType
        self.payload = payload
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastStatusCode = lastStatusCode
        self.lastError = lastError
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
    }
}
