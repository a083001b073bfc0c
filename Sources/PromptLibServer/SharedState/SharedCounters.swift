/// The counters replicas share in Redis, read once at the start of a request (one round trip,
/// ``SharedCountersMiddleware``) instead of once by each part that needs one: the count of
/// revocations (``IdentityGeneration``), the prompt cache's write count and key space
/// (``RedisPromptCache``), and — for an application's read with an API key — that key's read
/// allowance, counted in the same round trip.
struct SharedCounters: Sendable, Equatable {
    /// Which Redis the counters come from: a Redis that restarted empty starts its counters at
    /// zero again, and a number seen before the restart must not be taken for the same state.
    let instance: String
    /// ``IdentityGeneration``'s count, made distinct per instance (see ``identityGeneration``).
    let identity: UInt64
    /// The prompt cache's state: a value read from the cache at this tag is current for every
    /// request that reads the same tag, as every write moves `generation` before it answers.
    let cache: CacheTag
    /// The rate-limit key counted in the same round trip, with the decision; nil when none was.
    let consumed: Consumed?

    struct CacheTag: Sendable, Hashable {
        let instance: String
        let epoch: String
        let generation: UInt64
    }

    struct Consumed: Sendable, Equatable {
        let key: String
        let decision: RateLimitDecision
    }

    /// The counters read for the request being served, when they were.
    @TaskLocal static var current: SharedCounters?

    /// The decision for `key` when this request's round trip already counted it.
    static func decision(for key: String) -> RateLimitDecision? {
        guard let consumed = current?.consumed, consumed.key == key else { return nil }
        return consumed.decision
    }
}
