import Foundation
import PromptLibStorage

/// The API key repository counting every revocation in the ``IdentityGeneration`` before it answers.
struct SignallingAPIKeyRepository: APIKeyRepository {
    let base: any APIKeyRepository
    let generation: any IdentityGeneration

    func revoke(id: String, now: Date) async throws -> Bool {
        try await generation.signalling { try await base.revoke(id: id, now: now) }
    }

    func revokeAll(userID: String, now: Date) async throws -> Int {
        try await generation.signalling { try await base.revokeAll(userID: userID, now: now) }
    }

    func create(_ key: APIKeyRecord) async throws { try await base.create(key) }
    func find(hash: String) async throws -> APIKeyRecord? { try await base.find(hash: hash) }
    func find(id: String) async throws -> APIKeyRecord? { try await base.find(id: id) }
    func list(userID: String?) async throws -> [APIKeyRecord] { try await base.list(userID: userID) }
    func touch(id: String, now: Date) async throws { try await base.touch(id: id, now: now) }
}
