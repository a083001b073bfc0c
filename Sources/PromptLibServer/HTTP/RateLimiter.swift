/// The outcome of counting one request against a limit.
public struct RateLimitDecision: Sendable, Equatable {
    public var allowed: Bool
    public var limit: Int
    public var remaining: Int
    /// When the current window ends.
    public var resetAfter: Duration

    /// Whole seconds until the window ends, at least 1: what `Retry-After` and `RateLimit-Reset` carry.
    public var resetSeconds: Int { max(1, Int(resetAfter.components.seconds) + (resetAfter.components.attoseconds > 0 ? 1 : 0)) }
}

/// Counts events per key in fixed windows. In process here; a Redis-backed one shared by replicas
/// can stand in its place without the callers changing.
public protocol RateLimiter: Sendable {
    /// Counts one event for `key` and says whether it is within `limit` per `window`.
    func consume(_ key: String, limit: Int, window: Duration) async -> RateLimitDecision
    /// The state of `key` without counting anything.
    func peek(_ key: String, limit: Int, window: Duration) async -> RateLimitDecision
    /// Forgets `key`, such as an account's failures after a successful login.
    func reset(_ key: String) async
    /// Takes back one event counted for `key` in the current window: an attempt counted before a
    /// check (so parallel attempts cannot slip past the limit) that then succeeded.
    func refund(_ key: String) async
}

/// ``RateLimiter`` in this process's memory.
public actor InProcessRateLimiter: RateLimiter {
    private var windows: [String: (start: ContinuousClock.Instant, count: Int)] = [:]
    private let clock = ContinuousClock()

    public init() {}

    public func consume(_ key: String, limit: Int, window: Duration) -> RateLimitDecision {
        let now = clock.now
        var entry = current(key, window: window, now: now)
        entry.count += 1
        windows[key] = entry
        if windows.count > 100_000 { evict(window: window, now: now) }
        return decision(entry, limit: limit, window: window, now: now, counted: true)
    }

    public func peek(_ key: String, limit: Int, window: Duration) -> RateLimitDecision {
        let now = clock.now
        return decision(current(key, window: window, now: now), limit: limit, window: window, now: now, counted: false)
    }

    public func reset(_ key: String) {
        windows[key] = nil
    }

    public func refund(_ key: String) {
        guard var entry = windows[key], entry.count > 0 else { return }
        entry.count -= 1
        windows[key] = entry
    }

    private func current(_ key: String, window: Duration, now: ContinuousClock.Instant) -> (start: ContinuousClock.Instant, count: Int) {
        if let entry = windows[key], now - entry.start < window { return entry }
        return (now, 0)
    }

    private func decision(
        _ entry: (start: ContinuousClock.Instant, count: Int), limit: Int, window: Duration, now: ContinuousClock.Instant, counted: Bool
    ) -> RateLimitDecision {
        let allowed = counted ? entry.count <= limit : entry.count < limit
        return RateLimitDecision(
            allowed: allowed, limit: limit, remaining: max(0, limit - entry.count), resetAfter: window - (now - entry.start)
        )
    }

    /// Drops expired windows so that a flood of distinct keys cannot grow memory without bound.
    private func evict(window: Duration, now: ContinuousClock.Instant) {
        windows = windows.filter { now - $0.value.start < window }
    }
}
