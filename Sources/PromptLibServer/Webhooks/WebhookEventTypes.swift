/// The event types a webhook can ask for: every prompt event, and `ping` (sent on request, to
/// check an endpoint).
enum WebhookEventTypes {
    static let all: [String] = PromptEvent.Kind.allCases.map(\.rawValue)
    static let ping = "ping"

    /// Whether a webhook with these settings wants `event`.
    static func wants(_ webhook: WebhookSettings, _ event: PromptEvent) -> Bool {
        guard webhook.events.contains(event.type.rawValue) else { return false }
        if let prefix = webhook.namePrefix, !event.name.hasPrefix(prefix) { return false }
        // A label filter keeps the events about that label: its moves and removals.
        if let label = webhook.label, event.label != label { return false }
        return true
    }
}

/// A webhook's settings as read from its record.
struct WebhookSettings: Sendable {
    let events: Set<String>
    let namePrefix: String?
    let label: String?
}
