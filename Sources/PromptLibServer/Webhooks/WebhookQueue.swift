import Foundation
import Logging
import PromptLibCore
import PromptLibStorage

/// Queues a delivery for every webhook that wants an event, in the database, before the event
/// goes on: the replica that made a change queues it, once, and any replica sends it.
///
/// An admin's webhook hears of every prompt; anyone else's only of the prompts its owner owns —
/// decided now, from the prompt and the accounts as they are.
struct WebhookQueue: Sendable {
    let webhooks: any WebhookRepository
    let prompts: any PromptRepository
    let users: any UserRepository
    let logger: Logger
    /// Wakes this replica's sender, so a delivery goes out at once rather than at the next poll.
    let wake: @Sendable () -> Void

    func enqueue(_ event: PromptEvent) async {
        // From the primary: the prompt may have been written a moment ago.
        await ReadRouting.onPrimary { await enqueueNow(event) }
    }

    private func enqueueNow(_ event: PromptEvent) async {
        do {
            let wanting = try await webhooks.active().filter { WebhookEventTypes.wants(Self.settings($0), event) }
            guard !wanting.isEmpty else { return }
            let ownerID = try await prompts.find(id: event.promptID)?.ownerID
            var owners: [String: UserRecord?] = [:]
            var deliveries: [WebhookDeliveryRecord] = []
            let now = Date()
            for webhook in wanting {
                if owners[webhook.ownerID] == nil { owners[webhook.ownerID] = .some(try await users.find(id: webhook.ownerID)) }
                // A disabled account's webhooks are silent, like the account.
                guard let owner = owners[webhook.ownerID] ?? nil, owner.status == .active else { continue }
                guard owner.role == .admin || (ownerID != nil && ownerID == webhook.ownerID) else { continue }
                deliveries.append(Self.delivery(webhookID: webhook.id, type: event.type.rawValue, event: event, now: now))
            }
            try await webhooks.enqueue(deliveries)
            if !deliveries.isEmpty { wake() }
        } catch {
            // The change happened; its deliveries are lost, and the log says so.
            logger.error("webhook deliveries could not be queued", metadata: ["event": .string(event.type.rawValue), "prompt_id": .string(event.promptID),
                                                                             "error": .string(String(describing: type(of: error)))])
        }
    }

    static func delivery(webhookID: String, type: String, event: PromptEvent?, now: Date) -> WebhookDeliveryRecord {
        let id = UUID().uuidString.lowercased()
        return WebhookDeliveryRecord(id: id, webhookID: webhookID, eventType: type,
                                     payload: WebhookPayload(id: id, type: type, createdAt: now, data: event).json(), nextAttemptAt: now, createdAt: now)
    }

    static func settings(_ record: WebhookRecord) -> WebhookSettings {
        WebhookSettings(events: Set((try? JSONDecoder().decode([String].self, from: Data(record.events.utf8))) ?? []),
                        namePrefix: record.namePrefix, label: record.label)
    }
}

/// The ``EventBus`` of prompt events with webhooks in front: each event is queued for the
/// webhooks that want it, then published as before.
struct WebhookQueueingBus: EventBus {
    let inner: any EventBus<PromptEvent>
    let queue: WebhookQueue

    func publish(_ message: PromptEvent) async {
        await queue.enqueue(message)
        await inner.publish(message)
    }

    func events() -> AsyncStream<PromptEvent> { inner.events() }
    func close() { inner.close() }
}
