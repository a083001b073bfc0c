import Foundation
import PromptLibStorage
import Synchronization

/// The prompt cache of a single process (no `REDIS_URL`): a bounded dictionary with a time to live.
/// One process holds every write, so invalidating here is invalidating everywhere. Behind a lock
/// rather than in an actor: a hit is a dictionary read on every application's fetch.
final class LocalPromptCache: PromptCache {
    private enum Value: Sendable {
        case prompt(PromptRecord)
        case version(PromptVersionRecord)
    }

    private struct Entry: Sendable {
        let value: Value
        let expires: ContinuousClock.Instant
    }

    private struct State: Sendable {
        var entries: [PromptCacheKey: Entry] = [:]
        var generation: UInt64 = 0
    }

    private let ttl: Duration
    private let capacity: Int
    private let state = Mutex(State())

    /// A cache keeping entries `ttl` long, at most `capacity` of them.
    init(ttl: Duration = .seconds(30), capacity: Int = 10_000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    func prompt(_ key: PromptCacheKey) -> PromptCacheLookup<PromptRecord> {
        state.withLock { state in
            guard case .prompt(let record)? = Self.value(&state, key) else { return .miss(ticket: state.generation) }
            // A name may have moved to another prompt since (a rename, then a new prompt with the old name).
            if case .name(let name) = key, record.document.name != name { return .miss(ticket: state.generation) }
            return .hit(record)
        }
    }

    func version(id: String, number: Int) -> PromptCacheLookup<PromptVersionRecord> {
        state.withLock { state in
            guard case .version(let version)? = Self.value(&state, .version(id: id, number: number)) else { return .miss(ticket: state.generation) }
            return .hit(version)
        }
    }

    func store(_ record: PromptRecord, for key: PromptCacheKey, ticket: UInt64) {
        put(.prompt(record), for: key, ticket: ticket)
    }

    func store(_ version: PromptVersionRecord, ticket: UInt64) {
        put(.version(version), for: .version(id: version.promptID, number: version.document.version ?? 0), ticket: ticket)
    }

    func invalidate(ids: [String]) {
        let gone = Set(ids)
        state.withLock { state in
            state.generation &+= 1
            state.entries = state.entries.filter { key, entry in
                switch (key, entry.value) {
                case (.id(let id), _): !gone.contains(id)
                case (.name, .prompt(let record)): !gone.contains(record.id)
                case (.name, .version): false
                case (.version, _): true  // versions never change
                }
            }
        }
    }

    func problem() -> String? { nil }

    private static func value(_ state: inout State, _ key: PromptCacheKey) -> Value? {
        guard let entry = state.entries[key] else { return nil }
        guard entry.expires > .now else {
            state.entries[key] = nil
            return nil
        }
        return entry.value
    }

    private func put(_ value: Value, for key: PromptCacheKey, ticket: UInt64) {
        let entry = Entry(value: value, expires: .now + ttl)
        state.withLock { state in
            guard ticket == state.generation else { return }
            // Full: start again rather than track recency; the hot set refills within a TTL.
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[key] = entry
        }
    }
}
