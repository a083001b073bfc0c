import Synchronization

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
    /// Forgets `key`, such as an account's failures after a successful login.
    func reset(_ key: String) async
    /// Takes back one event counted for `key` in the current window: an attempt counted before a
    /// check (so parallel attempts cannot slip past the limit) that then succeeded.
    func refund(_ key: String) async
}

/// ``RateLimiter`` in this process's memory, behind a lock: every API request counts here.
public final class InProcessRateLimiter: RateLimiter {
    private typealias Window = (start: ContinuousClock.Instant, count: Int)
    private let windows = Mutex<[String: Window]>([:])
    private let clock = ContinuousClock()

    public init() {}

    public func consume(_ key: String, limit: Int, window: Duration) -> RateLimitDecision {
        let now = clock.now
        let entry = windows.withLock { windows -> Window in
            var entry = Self.current(windows, key, window: window, now: now)
            entry.count += 1
            windows[key] = entry
            // Drops expired windows so that a flood of distinct keys cannot grow memory without bound.
            if windows.count > 100_000 { windows = windows.filter { now - $0.value.start < window } }
            return entry
        }
        return Self.decision(entry, limit: limit, window: window, now: now)
    }

    public func reset(_ key: String) {
        _ = windows.withLock { $0.removeValue(forKey: key) }
    }

    public func refund(_ key: String) {
        windows.withLock { windows in
            guard var entry = windows[key], entry.count > 0 else { return }
            entry.count -= 1
            windows[key] = entry
        }
    }

    private static func current(_ windows: [String: Window], _ key: String, window: Duration, now: ContinuousClock.Instant) -> Window {
        if let entry = windows[key], now - entry.start < window { return entry }
        return (now, 0)
    }

    private static func decision(_ entry: Window, limit: Int, window: Duration, now: ContinuousClock.Instant) -> RateLimitDecision {
        RateLimitDecision(
            allowed: entry.count <= limit, limit: limit, remaining: max(0, limit - entry.count), resetAfter: window - (now - entry.start)
        )
    }
}
