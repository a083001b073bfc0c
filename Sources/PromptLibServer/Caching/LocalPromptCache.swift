import Foundation
import PromptLibStorage

/// The prompt cache of a single process (no `REDIS_URL`): a bounded dictionary with a time to live.
/// One process holds every write, so invalidating here is invalidating everywhere.
actor LocalPromptCache: PromptCache {
    private struct Entry {
        let value: Any
        let expires: ContinuousClock.Instant
    }

    private let ttl: Duration
    private let capacity: Int
    private var entries: [PromptCacheKey: Entry] = [:]
    private var generation: UInt64 = 0

    /// A cache keeping entries `ttl` long, at most `capacity` of them.
    init(ttl: Duration = .seconds(30), capacity: Int = 10_000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    func prompt(_ key: PromptCacheKey) -> PromptCacheLookup<PromptRecord> {
        guard let record = value(key) as PromptRecord? else { return .miss(ticket: generation) }
        // A name may have moved to another prompt since (a rename, then a new prompt with the old name).
        if case .name(let name) = key, record.document.name != name { return .miss(ticket: generation) }
        return .hit(record)
    }

    func version(id: String, number: Int) -> PromptCacheLookup<PromptVersionRecord> {
        guard let version = value(.version(id: id, number: number)) as PromptVersionRecord? else { return .miss(ticket: generation) }
        return .hit(version)
    }

    func store(_ record: PromptRecord, for key: PromptCacheKey, ticket: UInt64) {
        put(record, for: key, ticket: ticket)
    }

    func store(_ version: PromptVersionRecord, ticket: UInt64) {
        put(version, for: .version(id: version.promptID, number: version.document.version ?? 0), ticket: ticket)
    }

    func invalidate(ids: [String]) {
        generation &+= 1
        let gone = Set(ids)
        entries = entries.filter { key, entry in
            switch key {
            case .id(let id): return !gone.contains(id)
            case .name: return (entry.value as? PromptRecord).map { !gone.contains($0.id) } ?? false
            case .version: return true  // versions never change
            }
        }
    }

    func problem() -> String? { nil }

    private func value<T>(_ key: PromptCacheKey) -> T? {
        guard let entry = entries[key] else { return nil }
        guard entry.expires > .now else {
            entries[key] = nil
            return nil
        }
        return entry.value as? T
    }

    private func put(_ value: Any, for key: PromptCacheKey, ticket: UInt64) {
        guard ticket == generation else { return }
        // Full: start again rather than track recency; the hot set refills within a TTL.
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = Entry(value: value, expires: .now + ttl)
    }
}
