import Synchronization

/// What this replica last read from the Redis prompt cache, with the cache's tag at the time
/// (``SharedCounters/CacheTag``): a request whose counters show the same tag is served from here
/// without asking Redis, since every write moves the tag before it answers. Entries also expire
/// with the cache's TTL, and the whole memo starts again when full.
final class NearCache<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        let tag: SharedCounters.CacheTag
        let value: Value
        let expires: ContinuousClock.Instant
    }

    private let entries = Mutex<[PromptCacheKey: Entry]>([:])
    private let ttl: Duration
    private let capacity: Int

    init(ttl: Duration, capacity: Int = 10_000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    /// The value held for `key` if it was read at `tag` and has not expired.
    func value(for key: PromptCacheKey, at tag: SharedCounters.CacheTag) -> Value? {
        let now = ContinuousClock.now
        return entries.withLock { entries in
            guard let entry = entries[key], entry.tag == tag, entry.expires > now else { return nil }
            return entry.value
        }
    }

    /// Keeps `value`, current in Redis at `tag`.
    func store(_ value: Value, for key: PromptCacheKey, at tag: SharedCounters.CacheTag) {
        let entry = Entry(tag: tag, value: value, expires: .now + ttl)
        entries.withLock { entries in
            if entries.count >= capacity && entries[key] == nil { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
    }
}
