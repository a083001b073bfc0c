import Synchronization

/// The circuit breakers of this replica, one per connection. Each replica judges a provider by
/// the calls it made itself: a breaker is a local view, so it needs no shared state.
final class CircuitBreakers: Sendable {
    private let policy: ProviderPolicy
    private let breakers = Mutex<[String: (provider: String, breaker: CircuitBreaker)]>([:])

    init(policy: ProviderPolicy) {
        self.policy = policy
    }

    /// The breaker of `connectionID`, made on first use.
    func breaker(for connectionID: String, provider: String) -> CircuitBreaker {
        breakers.withLock { table in
            if let entry = table[connectionID] { return entry.breaker }
            let breaker = CircuitBreaker(threshold: policy.breakerThreshold, cooldown: policy.breakerCooldown)
            table[connectionID] = (provider, breaker)
            return breaker
        }
    }

    /// The state of one connection's breaker (closed when it has made no call yet).
    func state(of connectionID: String) -> (state: CircuitBreaker.State, failures: Int) {
        let breaker = breakers.withLock { $0[connectionID]?.breaker }
        return breaker?.state() ?? (.closed, 0)
    }

    /// Forgets a deleted connection's breaker, so that it no longer counts as open.
    func forget(_ connectionID: String) {
        _ = breakers.withLock { $0.removeValue(forKey: connectionID) }
    }

    /// How many breakers are open or half-open, per provider: what health and metrics show.
    func openCounts() -> [String: Int] {
        let entries = breakers.withLock { Array($0.values) }
        var counts: [String: Int] = [:]
        for entry in entries where entry.breaker.state().state != .closed {
            counts[entry.provider, default: 0] += 1
        }
        return counts
    }
}
