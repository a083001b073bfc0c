import Foundation
import PromptLibStorage

/// The reads behind every authenticated request, through the ``IdentityCache``: the shared
/// generation is read first (nil when it cannot be: the database answers and nothing is cached).
extension AuthService {
    func currentGeneration() async -> UInt64? {
        guard let current = await generation.current() else { return nil }
        identities.sync(current)
        return current
    }

    func cachedUser(_ id: String, ticket: UInt64?) async throws -> UserRecord? {
        if let ticket, let user = identities.user(id, ticket: ticket) { return user }
        let user = try await users.find(id: id)
        if let ticket, let user { identities.store(user: user, ticket: ticket) }
        return user
    }

    /// A cached session that looks ended is read again: a refresh extends a session's expiry
    /// without counting as a change.
    func cachedSession(_ id: String, ticket: UInt64?) async throws -> SessionRecord? {
        if let ticket, let session = identities.session(id, ticket: ticket), session.isLive(at: Date()) { return session }
        let session = try await sessions.find(id: id)
        if let ticket, let session { identities.store(session: session, ticket: ticket) }
        return session
    }

    func cachedKey(hash: String, ticket: UInt64?) async throws -> APIKeyRecord? {
        if let ticket, let key = identities.key(hash: hash, ticket: ticket) { return key }
        let key = try await apiKeys.find(hash: hash)
        if let ticket, let key { identities.store(key: key, ticket: ticket) }
        return key
    }

    /// Records a key's use about once a minute, and keeps the cached copy's time in step so that
    /// a cached key does not write on every request.
    func touch(_ key: APIKeyRecord, now: Date, ticket: UInt64?) async throws {
        guard key.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true else { return }
        try await apiKeys.touch(id: key.id, now: now)
        var touched = key
        touched.lastUsedAt = now
        if let ticket { identities.store(key: touched, ticket: ticket) }
    }
}

extension AuthService {
    /// The identity of a signed-in session while it lasts, through the identity cache (so as cheap
    /// as an authenticated request): nil once the session ended or its account was disabled or
    /// deleted. Throws when the database cannot say; real-time connections check it before each
    /// delivery and every heartbeat.
    func sessionIdentity(userID: String, sessionID: String) async throws -> Identity? {
        let ticket = await currentGeneration()
        async let user = cachedUser(userID, ticket: ticket)
        async let session = cachedSession(sessionID, ticket: ticket)
        guard let user = try await user, user.status == .active, let session = try await session, session.userID == user.id,
              session.isLive(at: Date()) else { return nil }
        return Identity(userID: user.id, username: user.username, role: user.role, sessionID: session.id)
    }
}
