import Foundation
import PromptLibCore
import PromptLibStorage

/// API keys for applications: made once, shown once, stored as a hash.
struct APIKeyService: Sendable {
    static let keyPrefix = "pl_"

    let keys: any APIKeyRepository
    let audit: AuditLog

    /// Creates a key for the caller; the returned plaintext is never stored.
    func create(name: String, scopes: [APIScope], expiresAt: Date?, context: AppRequestContext) async throws -> (APIKeyRecord, String) {
        let identity = try context.requireIdentity()
        guard identity.apiKeyID == nil else { throw APIError(.forbidden, .permissionDenied, "API keys cannot make API keys") }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(trimmed.unicodeScalars.count) else { throw APIError.validation("name must be 1 to 100 characters", field: "name") }
        guard !scopes.isEmpty else { throw APIError.validation("scopes must name at least one scope", field: "scopes") }
        if let expiresAt, expiresAt <= Date() { throw APIError.validation("expires_at must be in the future", field: "expires_at") }
        let (secret, hash) = TokenService.newSecret(prefix: Self.keyPrefix)
        let record = APIKeyRecord(
            userID: identity.userID, name: trimmed, prefix: String(secret.prefix(Self.keyPrefix.count + 8)),
            keyHash: hash, scopes: Array(Set(scopes.map(\.rawValue))).sorted(), expiresAt: expiresAt
        )
        try await keys.create(record)
        try await audit.record("api_key.created", context: context, targetType: "api_key", targetID: record.id,
                               details: ["name": trimmed, "scopes": record.scopes.joined(separator: " ")])
        return (record, secret)
    }

    /// The caller's keys; an admin asking for `all` sees everyone's.
    func list(all: Bool, identity: Identity) async throws -> [APIKeyRecord] {
        try await keys.list(userID: all && identity.role == .admin ? nil : identity.userID)
    }

    /// Revokes a key of the caller's, or any key for an admin. Others' keys are a 404.
    func revoke(id: String, context: AppRequestContext) async throws {
        let identity = try context.requireIdentity()
        guard let key = try await keys.find(id: id), key.userID == identity.userID || identity.role == .admin else {
            throw APIError.notFound("API key")
        }
        try await keys.revoke(id: id, now: Date())
        try await audit.record("api_key.revoked", context: context, targetType: "api_key", targetID: id)
    }
}
