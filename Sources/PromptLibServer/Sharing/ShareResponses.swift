import Foundation
import Hummingbird
import PromptLibCore
import PromptLibStorage

/// A share link as its maker sees it; `token` and `url` only in the answer that made it.
struct ShareResponse: ResponseEncodable, Sendable {
    let share: ShareRecord
    var token: String?
    var url: String?

    enum CodingKeys: String, CodingKey {
        case id, token, url, version, label, views, state
        case expiresAt = "expires_at", maxViews = "max_views", hasPassword = "has_password", createdBy = "created_by"
        case createdAt = "created_at", revokedAt = "revoked_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(share.id, forKey: .id)
        try container.encodeIfPresent(token, forKey: .token)
        try container.encodeIfPresent(url, forKey: .url)
        try container.encode(share.expiresAt, forKey: .expiresAt)
        try container.encodeIfPresent(share.version, forKey: .version)
        try container.encodeIfPresent(share.label, forKey: .label)
        try container.encode(share.passwordHash != nil, forKey: .hasPassword)
        try container.encodeIfPresent(share.maxViews, forKey: .maxViews)
        try container.encode(share.views, forKey: .views)
        try container.encode(share.createdBy, forKey: .createdBy)
        try container.encode(share.createdAt, forKey: .createdAt)
        try container.encodeIfPresent(share.revokedAt, forKey: .revokedAt)
        let state = (try? ShareService.requireLive(share, at: Date())) == nil ? "gone" : "live"
        try container.encode(share.revokedAt != nil ? "revoked" : state, forKey: .state)
    }
}

/// What a link shows: the prompt version's document, and the link's own limits.
struct SharedPromptResponse: ResponseEncodable, Sendable {
    let document: PromptDocument
    let share: ShareRecord

    enum Keys: String, CodingKey { case shared }
    enum SharedKeys: String, CodingKey { case expiresAt = "expires_at", views, maxViews = "max_views" }

    func encode(to encoder: any Encoder) throws {
        var document = self.document
        document.labels = nil
        document.baseVersion = nil
        try document.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        var shared = container.nestedContainer(keyedBy: SharedKeys.self, forKey: .shared)
        try shared.encode(share.expiresAt, forKey: .expiresAt)
        try shared.encode(share.views, forKey: .views)
        try shared.encodeIfPresent(share.maxViews, forKey: .maxViews)
    }
}
