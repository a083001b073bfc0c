import Foundation
import PromptLibStorage
import Synchronization

/// Accounts, sessions and API keys as authentication reads them, kept in memory for a few seconds
/// so that an authenticated request does not read the database twice before its work. Right at
/// once after any change that takes access away: such changes bump the ``IdentityGeneration``,
/// every lookup first compares it, and a different count empties the cache; an entry read before
/// a change is stored only if the count has not moved since (the same ticket rule as the prompt
/// cache). Entries also expire, which bounds what a replica cut off from Redis can miss.
///
/// A lock, not an actor: every authenticated request passes here several times, and a lookup is
/// a dictionary read — cheaper than a hop to an actor's executor.
final class IdentityCache: Sendable {
    private struct Entry<Value: Sendable>: Sendable {
        let value: Value
        let expires: ContinuousClock.Instant
    }

    private struct State: Sendable {
        var generation: UInt64?
        var users: [String: Entry<UserRecord>] = [:]
        var sessions: [String: Entry<SessionRecord>] = [:]
        var keys: [String: Entry<APIKeyRecord>] = [:]
    }

    private let ttl: Duration
    private let capacity: Int
    private let state = Mutex(State())

    init(ttl: Duration = .seconds(10), capacity: Int = 50_000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    /// Aligns with the shared count: a different one means a change since, so everything goes.
    func sync(_ current: UInt64) {
        state.withLock { state in
            if state.generation != current { state = State(generation: current) }
        }
    }

    // A lookup answers only for the caller's own count: a slower request that read an older count
    // may have synced the cache back to it and stored what it read before a change.
    func user(_ id: String, ticket: UInt64) -> UserRecord? { state.withLock { $0.generation == ticket ? Self.fresh(&$0.users, id) : nil } }
    func session(_ id: String, ticket: UInt64) -> SessionRecord? { state.withLock { $0.generation == ticket ? Self.fresh(&$0.sessions, id) : nil } }
    func key(hash: String, ticket: UInt64) -> APIKeyRecord? { state.withLock { $0.generation == ticket ? Self.fresh(&$0.keys, hash) : nil } }

    /// A key with its owner's account, when both are held: an application's request takes one
    /// lock, not one per record.
    func keyAndOwner(hash: String, ticket: UInt64) -> (key: APIKeyRecord, owner: UserRecord)? {
        state.withLock { state in
            guard state.generation == ticket, let key = Self.fresh(&state.keys, hash), let owner = Self.fresh(&state.users, key.userID) else { return nil }
            return (key, owner)
        }
    }

    /// The key with this hash whatever the count it was read at — for what cannot change, such as its id.
    func anyKey(hash: String) -> APIKeyRecord? { state.withLock { $0.keys[hash]?.value } }

    func store(user: UserRecord, ticket: UInt64) { put(\.users, user.id, user, ticket: ticket) }
    func store(session: SessionRecord, ticket: UInt64) { put(\.sessions, session.id, session, ticket: ticket) }
    func store(key: APIKeyRecord, ticket: UInt64) { put(\.keys, key.keyHash, key, ticket: ticket) }

    private static func fresh<Value: Sendable>(_ entries: inout [String: Entry<Value>], _ id: String) -> Value? {
        guard let entry = entries[id] else { return nil }
        guard entry.expires > .now else {
            entries[id] = nil
            return nil
        }
        return entry.value
    }

    private func put<Value: Sendable>(_ path: WritableKeyPath<State, [String: Entry<Value>]> & Sendable, _ id: String, _ value: Value, ticket: UInt64) {
        let entry = Entry(value: value, expires: .now + ttl)
        state.withLock { state in
            guard ticket == state.generation else { return }
            if state[keyPath: path].count >= capacity { state[keyPath: path].removeAll(keepingCapacity: true) }
            state[keyPath: path][id] = entry
        }
    }
}
