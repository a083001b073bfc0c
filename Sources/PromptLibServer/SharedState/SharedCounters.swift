import Synchronization

/// The counters replicas share in Redis, read once at the start of an authenticated read (one
/// round trip, ``RedisSharedCounters``) instead of once by each part that needs one: the count of
/// revocations (``IdentityGeneration``), the prompt cache's write count and key space
/// (``RedisPromptCache``), and — for an application's read with an API key — that key's read
/// allowance, counted in the same round trip. A read sees the shared state as of its start.
struct SharedCounters: Sendable {
    /// ``IdentityGeneration``'s count, made distinct per Redis run (``RedisSharedCounters/distinct(_:run:)``).
    let identity: UInt64
    /// The prompt cache's state: a value read from the cache at this tag is current for every
    /// request that reads the same tag, as every write that reaches Redis moves `generation`
    /// before it answers.
    let cache: CacheTag
    /// The rate-limit key counted in the same round trip, with the decision; nil when none was.
    let counted: Counted?

    struct CacheTag: Sendable, Hashable {
        /// Which run of which Redis server (its `run_id`): a Redis restarted — empty, or from a
        /// snapshot that holds older counts — or failed over is never taken for the same state.
        let run: String
        let epoch: String
        let generation: UInt64
    }

    /// A count made in the counters' round trip, handed to the one consume it stands for.
    final class Counted: Sendable {
        let key: String
        let decision: RateLimitDecision
        private let taken = Atomic(false)

        init(key: String, decision: RateLimitDecision) {
            self.key = key
            self.decision = decision
        }

        /// The decision, the first time it is asked for `key`; nil after (a second consume counts anew).
        func take(for key: String) -> RateLimitDecision? {
            guard key == self.key, taken.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return nil }
            return decision
        }
    }

    /// The counters read for the request being served, when they were.
    @TaskLocal static var current: SharedCounters?
}
