import Foundation
import PromptLibCore
import PromptLibStorage

/// Webhooks: registered by users for the prompts they own and by admins for all, with a secret
/// shown once, their deliveries visible to whoever may see the webhook.
struct WebhookService: Sendable {
    let webhooks: any WebhookRepository
    let cipher: CredentialCipher
    let policy: WebhookPolicy
    let audit: AuditLog
    /// Wakes the sender after a ping is queued.
    let wake: @Sendable () -> Void

    static let maxPerAccount = 25
    static let maxURLLength = 2_048

    func create(_ input: WebhookInput, context: AppRequestContext) async throws -> (WebhookRecord, secret: String) {
        let identity = try context.requireIdentity()
        guard input.url != nil else { throw APIError.validation("url is required", field: "url") }
        guard input.events != nil else { throw APIError.validation("events is required", field: "events") }
        let now = Date()
        let id = UUID().uuidString.lowercased()
        var record = WebhookRecord(id: id, ownerID: identity.userID, url: "", description: nil, events: "[]", namePrefix: nil, label: nil,
                                   active: true, secret: "", keyID: cipher.currentKeyID, createdAt: now, updatedAt: now)
        try apply(input, to: &record)
        let secret = WebhookSecret.make()
        try seal(secret, into: &record)
        guard try await webhooks.create(record, limit: Self.maxPerAccount) else {
            throw APIError(.conflict, .conflict, "An account can have at most \(Self.maxPerAccount) webhooks; delete one first")
        }
        try await audit.record("webhook.created", context: context, targetType: "webhook", targetID: id, details: ["events": record.events])
        return (record, secret)
    }

    func update(id: String, _ input: WebhookInput, context: AppRequestContext) async throws -> WebhookRecord {
        var record = try await owned(id, context: context)
        // Where deliveries go is the owner's to decide, as for a connection's base_url.
        if let url = input.url, url != record.url, record.ownerID != (try context.requireIdentity()).userID {
            throw APIError(.forbidden, .permissionDenied, "Only the webhook's owner may change where it sends deliveries", field: "url")
        }
        try apply(input, to: &record)
        record.updatedAt = Date()
        guard try await webhooks.update(record) else { throw APIError.notFound("Webhook") }
        try await audit.record("webhook.updated", context: context, targetType: "webhook", targetID: id)
        return record
    }

    func delete(id: String, context: AppRequestContext) async throws {
        _ = try await owned(id, context: context)
        try await webhooks.delete(id: id)
        try await audit.record("webhook.deleted", context: context, targetType: "webhook", targetID: id)
    }

    /// A new secret, shown once; the old one stops signing at once.
    func rotateSecret(id: String, context: AppRequestContext) async throws -> (WebhookRecord, secret: String) {
        var record = try await owned(id, context: context)
        let secret = WebhookSecret.make()
        try seal(secret, into: &record)
        record.updatedAt = Date()
        guard try await webhooks.setSecret(id: id, secret: record.secret, keyID: record.keyID, at: record.updatedAt) else {
            throw APIError.notFound("Webhook")
        }
        try await audit.record("webhook.secret_rotated", context: context, targetType: "webhook", targetID: id)
        return (record, secret)
    }

    /// Queues a `ping` delivery, to check the endpoint and its signature checking.
    func ping(id: String, context: AppRequestContext) async throws -> WebhookDeliveryRecord {
        let record = try await owned(id, context: context)
        let delivery = WebhookQueue.delivery(webhookID: record.id, type: WebhookEventTypes.ping, event: nil, now: Date())
        try await webhooks.enqueue([delivery])
        wake()
        return delivery
    }

    /// The caller's webhooks; an admin sees everyone's.
    func list(context: AppRequestContext) async throws -> [WebhookRecord] {
        let identity = try context.requireIdentity()
        return try await webhooks.list(ownerID: identity.role == .admin ? nil : identity.userID)
    }

    /// A webhook its owner or an admin may see; anyone else gets a 404.
    func owned(_ id: String, context: AppRequestContext) async throws -> WebhookRecord {
        let identity = try context.requireIdentity()
        guard id.utf8.count <= 64, let record = try await webhooks.find(id: id), record.ownerID == identity.userID || identity.role == .admin else {
            throw APIError.notFound("Webhook")
        }
        return record
    }

    func deliveries(id: String, limit: Int, context: AppRequestContext) async throws -> [WebhookDeliveryRecord] {
        try await webhooks.deliveries(webhookID: try await owned(id, context: context).id, limit: limit)
    }

    private func seal(_ secret: String, into record: inout WebhookRecord) throws {
        record.secret = try cipher.seal(Data(secret.utf8), context: WebhookSecret.context(record.id))
        record.keyID = cipher.currentKeyID
    }

    private func apply(_ input: WebhookInput, to record: inout WebhookRecord) throws {
        if let url = input.url { record.url = try checkedURL(url) }
        if let events = input.events {
            let known = Set(WebhookEventTypes.all)
            guard !events.isEmpty, events.count <= known.count else {
                throw APIError.validation("events must name 1 to \(known.count) event types", field: "events")
            }
            if let unknown = events.first(where: { !known.contains($0) }) {
                throw APIError.validation("events: unknown event type '\(unknown.prefix(64))'; known: \(WebhookEventTypes.all.joined(separator: ", "))", field: "events")
            }
            record.events = String(decoding: try JSONEncoder().encode(Array(Set(events)).sorted()), as: UTF8.self)
        }
        if let description = input.description {
            if let text = description, text.unicodeScalars.count > 500 || ControlCharacters.problem(in: text) != nil {
                throw APIError.validation("description must be at most 500 characters, without control characters", field: "description")
            }
            record.description = description
        }
        if let prefix = input.namePrefix {
            if let text = prefix, text.isEmpty || text.unicodeScalars.count > 200 || text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw APIError.validation("name_prefix must be 1 to 200 characters, without control characters", field: "name_prefix")
            }
            record.namePrefix = prefix
        }
        if let label = input.label {
            if let text = label, !LabelService.isValidName(text) {
                throw APIError.validation("label must be a label name (lowercase letters, digits, - and _)", field: "label")
            }
            record.label = label
        }
        if let active = input.active { record.active = active }
    }

    /// An http(s) URL without credentials or fragment, whose host, when an address, is one the
    /// policy allows (names are checked on what they resolve to, at each delivery).
    private func checkedURL(_ url: String) throws -> String {
        guard url.utf8.count <= Self.maxURLLength, !url.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }) else {
            throw APIError.validation("url must be at most \(Self.maxURLLength) bytes, without spaces or control characters", field: "url")
        }
        guard let parsed = URLComponents(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = parsed.host, !host.isEmpty, parsed.port.map({ (1...65_535).contains($0) }) ?? true else {
            throw APIError.validation("url must be an http or https URL", field: "url")
        }
        guard parsed.user == nil, parsed.password == nil, parsed.fragment == nil else {
            throw APIError.validation("url must not contain a user name, password or fragment", field: "url")
        }
        let bare = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        if let address = IPAddress(bare), let refusal = policy.addresses.refusal(address) {
            throw APIError.validation("url: \(refusal); an operator can allow it in WEBHOOK_ALLOWED_HOSTS", field: "url")
        }
        return url
    }
}
