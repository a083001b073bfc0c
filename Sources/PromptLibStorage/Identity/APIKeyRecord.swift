public import Foundation

/// An application's key. Only its SHA-256 is stored; `prefix` lets people tell keys apart.
public struct APIKeyRecord: Sendable, Equatable {
    public var id: String
    public var userID: String
    public var name: String
    public var prefix: String
    public var keyHash: String
    public var scopes: [String]
    public var createdAt: Date
    public var expiresAt: Date?
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    /// Creates a record for a new key.
    public init(id: String = UUID().uuidString.lowercased(), userID: String, name: String, prefix: String, keyHash: String,
                scopes: [String], createdAt: Date = Date(), expiresAt: Date?) {
        self.id = id
        self.userID = userID
        self.name = name
        self.prefix = prefix
        self.keyHash = keyHash
        self.scopes = scopes
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    /// Whether the key authenticates at `now`.
    public func isLive(at now: Date) -> Bool { revokedAt == nil && (expiresAt.map { $0 > now } ?? true) }
}

/// Storage of API keys.
public protocol APIKeyRepository: Sendable {
    func create(_ key: APIKeyRecord) async throws
    func find(hash: String) async throws -> APIKeyRecord?
    func find(id: String) async throws -> APIKeyRecord?
    /// The keys of `userID`, or every key when `nil`, newest first.
    func list(userID: String?) async throws -> [APIKeyRecord]
    @discardableResult func revoke(id: String, now: Date) async throws -> Bool
    /// Revokes every live key of `userID`; returns how many.
    @discardableResult func revokeAll(userID: String, now: Date) async throws -> Int
    /// Records use, at most about once a minute per key so the hot path rarely writes.
    func touch(id: String, now: Date) async throws
}
