import Foundation
import PromptLibStorage

/// The user repository counting, in the ``IdentityGeneration``, every change to an account —
/// status, role, name, deletion — before it answers, so that no replica authenticates from a
/// cached copy of the account as it was.
struct SignallingUserRepository: UserRepository {
    let base: any UserRepository
    let generation: any IdentityGeneration

    func update(_ user: UserRecord) async throws -> Bool {
        try await generation.signalling { try await base.update(user) }
    }

    func update(_ user: UserRecord, keepingAnActiveAdmin: Bool) async throws -> UserWrite {
        try await generation.signalling { try await base.update(user, keepingAnActiveAdmin: keepingAnActiveAdmin) }
    }

    func delete(id: String) async throws -> Bool {
        try await generation.signalling { try await base.delete(id: id) }
    }

    func delete(id: String, keepingAnActiveAdmin: Bool) async throws -> UserWrite {
        try await generation.signalling { try await base.delete(id: id, keepingAnActiveAdmin: keepingAnActiveAdmin) }
    }

    // Neither creating an account nor counting its login attempts takes access from anyone.

    func create(_ user: UserRecord) async throws { try await base.create(user) }
    func find(id: String) async throws -> UserRecord? { try await base.find(id: id) }
    func find(login: String) async throws -> UserRecord? { try await base.find(login: login) }
    func list(limit: Int, cursor: String?) async throws -> Page<UserRecord> { try await base.list(limit: limit, cursor: cursor) }
    func count() async throws -> Int { try await base.count() }
    func countLoginAttempt(id: String, now: Date, windowStart: Date) async throws -> Int {
        try await base.countLoginAttempt(id: id, now: now, windowStart: windowStart)
    }
    func lockLogin(id: String, until: Date, now: Date) async throws -> Bool { try await base.lockLogin(id: id, until: until, now: now) }
    func recordLogin(id: String, now: Date) async throws { try await base.recordLogin(id: id, now: now) }
}
