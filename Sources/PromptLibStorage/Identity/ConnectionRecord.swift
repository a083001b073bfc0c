public import Foundation

/// A provider connection as stored: `credentials` is ciphertext, `credentialsHint` masked values.
public struct ConnectionRecord: Sendable, Equatable {
    public var id: String
    public var userID: String
    public var name: String
    public var provider: String
    public var baseURL: String?
    public var defaultModel: String?
    /// AES-256-GCM ciphertext naming its key; never plaintext.
    public var credentials: String
    /// Masked credential values, such as `{"api_key": "sk-…abcd"}`, as JSON.
    public var credentialsHint: String
    /// The key `credentials` is sealed with, so rotation finds what is left to re-encrypt.
    public var keyID: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, userID: String, name: String, provider: String, baseURL: String?, defaultModel: String?,
                credentials: String, credentialsHint: String, keyID: String, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.userID = userID
        self.name = name
        self.provider = provider
        self.baseURL = baseURL
        self.defaultModel = defaultModel
        self.credentials = credentials
        self.credentialsHint = credentialsHint
        self.keyID = keyID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Storage of provider connections.
public protocol ConnectionRepository: SealedSecrets {
    func create(_ connection: ConnectionRecord) async throws
    @discardableResult func update(_ connection: ConnectionRecord) async throws -> Bool
    @discardableResult func delete(id: String) async throws -> Bool
    func find(id: String) async throws -> ConnectionRecord?
    /// Connections of `userID`, or all when `nil`, by name.
    func list(userID: String?) async throws -> [ConnectionRecord]
}
