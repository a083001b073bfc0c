import Synchronization

/// One connection's circuit breaker: after ``ProviderPolicy/breakerThreshold`` consecutive
/// failures it opens and refuses calls at once (no waiting on a provider that is down); after the
/// cool-down it lets a single trial call through (half-open), which closes it or opens it again.
final class CircuitBreaker: Sendable {
    /// What a caller sees.
    enum State: String, Sendable, Codable { case closed, open, halfOpen = "half_open" }

    /// Whether a call may go; `trial` when it is the one call a half-open breaker lets through.
    enum Admission: Equatable { case allowed(trial: Bool), refused(retryAfter: Duration) }

    private struct Phase {
        var failures = 0
        var openedAt: ContinuousClock.Instant?
        var trialInFlight = false
    }

    private let threshold: Int
    private let cooldown: Duration
    private let phase = Mutex(Phase())

    init(threshold: Int, cooldown: Duration) {
        self.threshold = max(1, threshold)
        self.cooldown = cooldown
    }

    /// Asks to make a call. While half-open only one trial is admitted at a time.
    func admit(now: ContinuousClock.Instant = .now) -> Admission {
        phase.withLock { phase in
            guard let openedAt = phase.openedAt else { return .allowed(trial: false) }
            let reopens = openedAt + cooldown
            if now < reopens { return .refused(retryAfter: reopens - now) }
            if phase.trialInFlight { return .refused(retryAfter: cooldown) }
            phase.trialInFlight = true
            return .allowed(trial: true)
        }
    }

    /// Reports how an admitted call went. Returns the state after it. Only the trial decides a
    /// half-open breaker: a slow call admitted before the breaker opened neither closes it nor
    /// frees the trial's place when it ends.
    @discardableResult
    func record(success: Bool, trial: Bool, now: ContinuousClock.Instant = .now) -> State {
        phase.withLock { phase in
            if trial {
                phase.trialInFlight = false
                if success {
                    phase = Phase()
                } else {
                    phase.failures += 1
                    phase.openedAt = now
                }
            } else if phase.openedAt == nil {
                if success {
                    phase.failures = 0
                } else {
                    phase.failures += 1
                    if phase.failures >= threshold { phase.openedAt = now }
                }
            } else if !success {
                phase.failures += 1
            }
            return phase.openedAt == nil ? .closed : .open
        }
    }

    /// Gives back an admission that was not used (the call was cancelled before it ended).
    func release(trial: Bool) {
        if trial { phase.withLock { $0.trialInFlight = false } }
    }

    /// The state now, and the consecutive failures counted.
    func state(now: ContinuousClock.Instant = .now) -> (state: State, failures: Int) {
        phase.withLock { phase in
            guard let openedAt = phase.openedAt else { return (.closed, phase.failures) }
            return (now < openedAt + cooldown ? .open : .halfOpen, phase.failures)
        }
    }
}
