import Synchronization

/// Keys that hold until a deadline, in this process's memory: an address blocked for the rest of
/// its window, an account that wrote a moment ago. Bounded: past 10,000 keys the expired ones are
/// swept out when another is set.
final class Deadlines: Sendable {
    private let table = Mutex<[String: ContinuousClock.Instant]>([:])
    private static let sweepAbove = 10_000

    /// How long `key` still holds, or nil when it does not (an expired key is forgotten).
    func remaining(_ key: String) -> Duration? {
        let now = ContinuousClock.now
        return table.withLock { table -> Duration? in
            guard let end = table[key] else { return nil }
            guard end > now else {
                table[key] = nil
                return nil
            }
            return end - now
        }
    }

    /// Makes `key` hold for `duration` from now.
    func set(_ key: String, for duration: Duration) {
        let now = ContinuousClock.now
        table.withLock { table in
            if table.count >= Self.sweepAbove { table = table.filter { $0.value > now } }
            table[key] = now + duration
        }
    }
}
