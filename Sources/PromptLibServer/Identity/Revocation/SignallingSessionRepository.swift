import Foundation
import PromptLibStorage

/// The session repository counting every ended session (logout, ended by its user, all of an
/// account's, a reused refresh token's) in the ``IdentityGeneration`` before it answers.
struct SignallingSessionRepository: SessionRepository {
    let base: any SessionRepository
    let generation: any IdentityGeneration

    func rotate(tokenHash: String, to newTokenHash: String, now: Date, expiresAt: Date) async throws -> RefreshOutcome {
        let outcome = try await base.rotate(tokenHash: tokenHash, to: newTokenHash, now: now, expiresAt: expiresAt)
        // A reused refresh token ends its whole session.
        if case .reused = outcome { await generation.bump() }
        return outcome
    }

    func revoke(id: String, reason: String, now: Date) async throws -> Bool {
        try await generation.signalling { try await base.revoke(id: id, reason: reason, now: now) }
    }

    func revokeAll(userID: String, except: String?, reason: String, now: Date) async throws -> Int {
        try await generation.signalling { try await base.revokeAll(userID: userID, except: except, reason: reason, now: now) }
    }

    func create(_ session: SessionRecord, tokenHash: String) async throws { try await base.create(session, tokenHash: tokenHash) }
    func find(id: String) async throws -> SessionRecord? { try await base.find(id: id) }
    func live(userID: String, now: Date) async throws -> [SessionRecord] { try await base.live(userID: userID, now: now) }
}
