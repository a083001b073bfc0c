import Logging
import PromptLibRedis

/// What replicas share when `REDIS_URL` is set — the prompt cache, the rate limits, the count of
/// revocations that keeps cached identities right and the event bus, on one connection pool (the
/// bus subscribes on a connection of its own) — and what one process keeps to itself otherwise.
struct SharedState: Sendable {
    let cache: any PromptCache
    let limiter: any RateLimiter
    let identityGeneration: any IdentityGeneration
    let events: any EventBus
    /// The Redis pool, for the caller to close; nil without `REDIS_URL`.
    let redis: RedisConnectionPool?
    /// The counters an authenticated read reads once (``SharedCounters``); nil without `REDIS_URL`.
    var counters: RedisSharedCounters? = nil

    /// One process's own state: nothing shared.
    static func local(cache: any PromptCache = LocalPromptCache()) -> SharedState {
        SharedState(cache: cache, limiter: InProcessRateLimiter(), identityGeneration: LocalIdentityGeneration(), events: LocalEventBus(), redis: nil)
    }

    static func make(_ configuration: AppConfiguration, logger: Logger) -> SharedState {
        let ttl = Duration.seconds(configuration.promptCacheTTLSeconds)
        let off = configuration.promptCacheTTLSeconds == 0
        guard let redisConfiguration = configuration.redis else {
            return .local(cache: off ? DisabledPromptCache() : LocalPromptCache(ttl: ttl))
        }
        let pool = RedisConnectionPool(configuration: redisConfiguration, logger: logger)
        let counters = RedisSharedCounters(pool: pool, logger: logger)
        return SharedState(
            cache: off ? DisabledPromptCache() : RedisPromptCache(pool: pool, ttl: ttl, logger: logger),
            limiter: RedisRateLimiter(pool: pool, fallback: InProcessRateLimiter()),
            identityGeneration: RedisIdentityGeneration(pool: pool, counters: counters, logger: logger),
            events: RedisEventBus(pool: pool, configuration: redisConfiguration, logger: logger),
            redis: pool,
            counters: counters
        )
    }

    /// Who wrote within `window`, for read-your-writes with a read replica: in Redis when shared.
    func recentWriters(window: Duration) -> any RecentWriters {
        if let redis { RedisRecentWriters(pool: redis, window: window) } else { LocalRecentWriters(window: window) }
    }

    /// Stops the event subscription and closes the Redis connections.
    func close() async {
        (events as? RedisEventBus)?.close()
        await redis?.close()
    }
}
