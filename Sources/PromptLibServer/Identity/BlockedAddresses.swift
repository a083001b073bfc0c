import Synchronization

/// Addresses that used up their failed-authentication allowance, until their window ends — held in
/// this process so that the check before every authenticated request costs no round trip to Redis.
/// The count itself is the ``RateLimiter``'s (shared by replicas through Redis); a replica learns of
/// a block from the count its own failures meet, so at most one more failure per replica gets
/// through after another replica filled the allowance.
final class BlockedAddresses: Sendable {
    private let until = Mutex<[String: ContinuousClock.Instant]>([:])
    /// Past this many blocks, the expired ones are swept out.
    private static let sweepAbove = 10_000

    /// When `key`'s block ends, or nil when it is not blocked.
    func blocked(_ key: String) -> Duration? {
        let now = ContinuousClock.now
        return until.withLock { table -> Duration? in
            guard let end = table[key] else { return nil }
            guard end > now else {
                table[key] = nil
                return nil
            }
            return end - now
        }
    }

    /// Blocks `key` for `duration`.
    func block(_ key: String, for duration: Duration) {
        let now = ContinuousClock.now
        until.withLock { table in
            if table.count >= Self.sweepAbove { table = table.filter { $0.value > now } }
            table[key] = now + duration
        }
    }
}
