import Foundation

/// The body of a delivery: `{"id", "type", "created_at", "data"}`, where `id` is the delivery's
/// (the same on every retry, so receivers can drop repeats) and `data` the event's ids.
struct WebhookPayload: Encodable {
    let id: String
    let type: String
    let createdAt: Date
    let data: PromptEvent?

    enum CodingKeys: String, CodingKey {
        case id, type, data
        case createdAt = "created_at"
    }

    func json() -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
