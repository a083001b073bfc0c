import PromptLibCore

/// What this replica last read from the Redis prompt cache, with the cache's tag at the time
/// (``SharedCounters/CacheTag``): a request whose counters show the same tag is served from here
/// without asking Redis, since every write that reaches Redis moves the tag before it answers.
/// An entry lives no longer than the Redis entry it copies had left, so nothing outlives the
/// cache's TTL; bounded by the bytes of the JSON it was read from (``ByteBoundedMemo``).
final class NearCache<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        let tag: SharedCounters.CacheTag
        let value: Value
        let expires: ContinuousClock.Instant
    }

    private let entries = ByteBoundedMemo<PromptCacheKey, Entry>(capacityBytes: 16 << 20, largestItem: 256 << 10)

    /// The value held for `key` if it was read at `tag` and has not expired.
    func value(for key: PromptCacheKey, at tag: SharedCounters.CacheTag) -> Value? {
        guard let entry = entries.value(for: key), entry.tag == tag, entry.expires > .now else { return nil }
        return entry.value
    }

    /// Keeps `value` (decoded from `bytes` of JSON), current in Redis at `tag`, for the time its Redis entry had left.
    func store(_ value: Value, bytes: Int, for key: PromptCacheKey, at tag: SharedCounters.CacheTag, lifetime: Duration) {
        entries.store(Entry(tag: tag, value: value, expires: .now + lifetime), bytes: bytes, for: key)
    }
}
