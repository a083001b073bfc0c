import Logging
import PromptLibRedis

/// What replicas share when `REDIS_URL` is set — the prompt cache and the rate limits, on one
/// connection pool — and what one process keeps to itself otherwise.
struct SharedState: Sendable {
    let cache: any PromptCache
    let limiter: any RateLimiter
    /// The Redis pool, for the caller to close; nil without `REDIS_URL`.
    let redis: RedisConnectionPool?

    static func make(_ configuration: AppConfiguration, logger: Logger) -> SharedState {
        let ttl = Duration.seconds(configuration.promptCacheTTLSeconds)
        let off = configuration.promptCacheTTLSeconds == 0
        guard var redisConfiguration = configuration.redis else {
            return SharedState(cache: off ? DisabledPromptCache() : LocalPromptCache(ttl: ttl), limiter: InProcessRateLimiter(), redis: nil)
        }
        // Redis that answers slower than this is worse than none: the database (or the
        // in-process limiter) answers instead, and the pool backs off, so a stalled Redis costs a
        // few requests a quarter second each.
        redisConfiguration.commandTimeout = min(redisConfiguration.commandTimeout, 0.25)
        let pool = RedisConnectionPool(configuration: redisConfiguration, logger: logger)
        return SharedState(
            cache: off ? DisabledPromptCache() : RedisPromptCache(pool: pool, ttl: ttl, logger: logger),
            limiter: RedisRateLimiter(pool: pool, fallback: InProcessRateLimiter()),
            redis: pool
        )
    }
}
