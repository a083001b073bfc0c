import Foundation

/// A share link as stored: never the token itself, only its hash.
public struct ShareRecord: Sendable, Equatable {
    public var id: String
    public var promptID: String
    public var tokenHash: String
    /// Username of who made it, for display.
    public var createdBy: String
    /// The id of the account that made it: a link is only as good as that account's access.
    public var createdByID: String?
    /// The version shown; with neither this nor `label`, the latest at each view.
    public var version: Int?
    /// The label whose version is shown at each view.
    public var label: String?
    public var passwordHash: String?
    public var maxViews: Int?
    public var views: Int
    public var expiresAt: Date
    public var revokedAt: Date?
    public var createdAt: Date

    public init(id: String, promptID: String, tokenHash: String, createdBy: String, createdByID: String?, version: Int?, label: String?, passwordHash: String?,
                maxViews: Int?, views: Int = 0, expiresAt: Date, revokedAt: Date? = nil, createdAt: Date) {
        self.id = id
        self.promptID = promptID
        self.tokenHash = tokenHash
        self.createdBy = createdBy
        self.createdByID = createdByID
        self.version = version
        self.label = label
        self.passwordHash = passwordHash
        self.maxViews = maxViews
        self.views = views
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.createdAt = createdAt
    }
}
