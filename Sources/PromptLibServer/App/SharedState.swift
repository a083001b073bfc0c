import Logging
import PromptLibRedis

/// What replicas share when `REDIS_URL` is set — the prompt cache, the rate limits and the count of
/// revocations that keeps cached identities right, on one connection pool — and what one process
/// keeps to itself otherwise.
struct SharedState: Sendable {
    let cache: any PromptCache
    let limiter: any RateLimiter
    let identityGeneration: any IdentityGeneration
    /// The Redis pool, for the caller to close; nil without `REDIS_URL`.
    let redis: RedisConnectionPool?

    static func make(_ configuration: AppConfiguration, logger: Logger) -> SharedState {
        let ttl = Duration.seconds(configuration.promptCacheTTLSeconds)
        let off = configuration.promptCacheTTLSeconds == 0
        guard let redisConfiguration = configuration.redis else {
            return SharedState(cache: off ? DisabledPromptCache() : LocalPromptCache(ttl: ttl), limiter: InProcessRateLimiter(),
                               identityGeneration: LocalIdentityGeneration(), redis: nil)
        }
        let pool = RedisConnectionPool(configuration: redisConfiguration, logger: logger)
        return SharedState(
            cache: off ? DisabledPromptCache() : RedisPromptCache(pool: pool, ttl: ttl, logger: logger),
            limiter: RedisRateLimiter(pool: pool, fallback: InProcessRateLimiter()),
            identityGeneration: RedisIdentityGeneration(pool: pool, logger: logger),
            redis: pool
        )
    }
}
