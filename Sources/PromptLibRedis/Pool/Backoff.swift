/// When to try a failed server again: after 0.1 s, doubling with each failure up to 30 s, with
/// jitter so that replicas do not reconnect in lockstep. Attempts inside the window fail at once
/// with the last reason, so a down Redis costs a request nothing but a branch.
struct Backoff: Sendable {
    private(set) var failures = 0
    private(set) var lastReason: String?
    private var retryAt: ContinuousClock.Instant?
    let base: Double
    let cap: Double

    init(base: Double = 0.1, cap: Double = 30) {
        self.base = base
        self.cap = cap
    }

    /// Throws ``RedisError/unavailable(_:)`` while the window after a failure is open.
    func check(now: ContinuousClock.Instant = .now) throws {
        if let wait = remaining(now: now) {
            let tenths = wait.components.seconds * 10 + wait.components.attoseconds / 100_000_000_000_000_000
            throw RedisError.unavailable("\(lastReason ?? "it failed"); trying again in \(tenths / 10).\(tenths % 10) s")
        }
    }

    /// How long the window after the last failure stays open; nil when it is closed.
    func remaining(now: ContinuousClock.Instant = .now) -> Duration? {
        guard let retryAt, now < retryAt else { return nil }
        return retryAt - now
    }

    /// Records a failure and opens the next, longer window.
    mutating func failed(_ reason: String, now: ContinuousClock.Instant = .now) {
        failures += 1
        lastReason = reason
        let delay = min(cap, base * Double(1 << min(failures - 1, 20))) * Double.random(in: 0.5...1.0)
        retryAt = now + .milliseconds(Int(delay * 1000))
    }

    /// Records a success: the next failure starts from the shortest window again.
    mutating func succeeded() {
        failures = 0
        lastReason = nil
        retryAt = nil
    }
}
