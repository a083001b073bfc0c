/// Messages per second for one connection: `rate` a second sustained, up to `burst` at once.
/// Owned by the connection's reader alone, so it needs no lock.
struct TokenBucket {
    let rate: Double
    let burst: Double
    private var tokens: Double
    private var last: ContinuousClock.Instant

    init(rate: Int, burst: Int, now: ContinuousClock.Instant = .now) {
        self.rate = Double(rate)
        self.burst = Double(burst)
        tokens = Double(burst)
        last = now
    }

    /// Takes a token; false when none is left.
    mutating func take(now: ContinuousClock.Instant = .now) -> Bool {
        let elapsed = now - last
        last = now
        tokens = min(burst, tokens + rate * (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}
