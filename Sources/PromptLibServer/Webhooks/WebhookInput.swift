import Foundation

/// The body of `POST /api/v1/webhooks` and `PATCH /api/v1/webhooks/{id}`. In a patch, a field
/// left out stays as it is, and `null` clears a filter.
struct WebhookInput: Decodable, Sendable {
    var url: String?
    var description: String??
    var events: [String]?
    var namePrefix: String??
    var label: String??
    var active: Bool?

    enum CodingKeys: String, CodingKey {
        case url, description, events, label, active
        case namePrefix = "name_prefix"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        events = try container.decodeIfPresent([String].self, forKey: .events)
        active = try container.decodeIfPresent(Bool.self, forKey: .active)
        description = try Self.clearable(container, .description)
        namePrefix = try Self.clearable(container, .namePrefix)
        label = try Self.clearable(container, .label)
    }

    /// nil when absent, `.some(nil)` when null, the value otherwise.
    private static func clearable(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> String?? {
        guard container.contains(key) else { return nil }
        if try container.decodeNil(forKey: key) { return .some(nil) }
        return .some(try container.decode(String.self, forKey: key))
    }
}
