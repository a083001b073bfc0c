import Logging
import PromptLibRedis

/// The prompt cache the configuration asks for: in Redis when `REDIS_URL` is set (with the pool it
/// runs on, for the caller to close), in process otherwise.
enum PromptCacheFactory {
    static func make(_ configuration: AppConfiguration, logger: Logger) -> (cache: any PromptCache, pool: RedisConnectionPool?) {
        guard var redis = configuration.redis else { return (LocalPromptCache(), nil) }
        // A cache that answers slower than this is worse than none: the database answers instead,
        // and the pool backs off, so a stalled Redis costs a few requests a quarter second each.
        redis.commandTimeout = min(redis.commandTimeout, 0.25)
        let pool = RedisConnectionPool(configuration: redis, logger: logger)
        return (RedisPromptCache(pool: pool, logger: logger), pool)
    }
}
