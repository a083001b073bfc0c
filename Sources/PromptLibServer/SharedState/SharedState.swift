import Logging
import PromptLibRedis

/// What replicas share when `REDIS_URL` is set — the prompt cache, the rate limits, the count of
/// revocations that keeps cached identities right, the event bus and the real-time bus, on one
/// connection pool (each bus subscribes on a connection of its own) — and what one process keeps
/// to itself otherwise.
struct SharedState: Sendable {
    let cache: any PromptCache
    let limiter: any RateLimiter
    let identityGeneration: any IdentityGeneration
    let events: any EventBus<PromptEvent>
    /// Presence and per-user news for real-time clients (``RealtimeSignal``).
    let signals: any EventBus<RealtimeSignal>
    /// Single-use WebSocket tickets, redeemable on any replica.
    let tickets: any TicketStore
    /// The Redis pool, for the caller to close; nil without `REDIS_URL`.
    let redis: RedisConnectionPool?
    /// The counters an authenticated read reads once (``SharedCounters``); nil without `REDIS_URL`.
    var counters: RedisSharedCounters? = nil

    /// One process's own state: nothing shared.
    static func local(cache: any PromptCache = LocalPromptCache()) -> SharedState {
        SharedState(cache: cache, limiter: InProcessRateLimiter(), identityGeneration: LocalIdentityGeneration(), events: LocalEventBus<PromptEvent>(),
                    signals: LocalEventBus<RealtimeSignal>(), tickets: LocalTicketStore(), redis: nil)
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
            events: RedisEventBus<PromptEvent>(pool: pool, configuration: redisConfiguration, logger: logger),
            signals: RedisEventBus<RealtimeSignal>(pool: pool, configuration: redisConfiguration, logger: logger),
            tickets: RedisTicketStore(pool: pool),
            redis: pool,
            counters: counters
        )
    }

    /// Who wrote within `window`, for read-your-writes with a read replica: in Redis when shared.
    func recentWriters(window: Duration) -> any RecentWriters {
        if let redis { RedisRecentWriters(pool: redis, window: window) } else { LocalRecentWriters(window: window) }
    }

    /// Stops the event subscriptions and closes the Redis connections.
    func close() async {
        events.close()
        signals.close()
        await redis?.close()
    }
}
