import Foundation
import PromptLibStorage

/// Accounts, sessions and API keys as authentication reads them, kept in memory for a few seconds
/// so that an authenticated request does not read the database twice before its work. Right at
/// once after any change that takes access away: such changes bump the ``IdentityGeneration``,
/// every lookup first compares it, and a different count empties the cache; an entry read before
/// a change is stored only if the count has not moved since (the same ticket rule as the prompt
/// cache). Entries also expire, which bounds what a replica cut off from Redis can miss.
actor IdentityCache {
    private struct Entry<Value: Sendable> {
        let value: Value
        let expires: ContinuousClock.Instant
    }

    private let ttl: Duration
    private let capacity: Int
    private var generation: UInt64?
    private var users: [String: Entry<UserRecord>] = [:]
    private var sessions: [String: Entry<SessionRecord>] = [:]
    private var keys: [String: Entry<APIKeyRecord>] = [:]

    init(ttl: Duration = .seconds(10), capacity: Int = 50_000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    /// Aligns with the shared count: a different one means a change since, so everything goes.
    func sync(_ current: UInt64) {
        if generation != current {
            users.removeAll()
            sessions.removeAll()
            keys.removeAll()
            generation = current
        }
    }

    func user(_ id: String) -> UserRecord? { fresh(&users, id) }
    func session(_ id: String) -> SessionRecord? { fresh(&sessions, id) }
    func key(hash: String) -> APIKeyRecord? { fresh(&keys, hash) }

    func store(user: UserRecord, ticket: UInt64) { put(&users, user.id, user, ticket: ticket) }
    func store(session: SessionRecord, ticket: UInt64) { put(&sessions, session.id, session, ticket: ticket) }
    func store(key: APIKeyRecord, ticket: UInt64) { put(&keys, key.keyHash, key, ticket: ticket) }

    private func fresh<Value>(_ entries: inout [String: Entry<Value>], _ id: String) -> Value? {
        guard let entry = entries[id] else { return nil }
        guard entry.expires > .now else {
            entries[id] = nil
            return nil
        }
        return entry.value
    }

    private func put<Value>(_ entries: inout [String: Entry<Value>], _ id: String, _ value: Value, ticket: UInt64) {
        guard ticket == generation else { return }
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[id] = Entry(value: value, expires: .now + ttl)
    }
}
