import Synchronization

/// ``RecentWriters`` of one process: when each account last wrote, forgotten after the window.
final class LocalRecentWriters: RecentWriters {
    private let window: Duration
    private let until = Mutex<[String: ContinuousClock.Instant]>([:])
    /// Past this many accounts the expired ones are swept out, so the table stays small.
    private static let sweepAbove = 10_000

    init(window: Duration) {
        self.window = window
    }

    func wrote(_ account: String) async {
        let now = ContinuousClock.now
        until.withLock { table in
            if table.count >= Self.sweepAbove { table = table.filter { $0.value > now } }
            table[account] = now + window
        }
    }

    func wroteRecently(_ account: String) async -> Bool {
        let now = ContinuousClock.now
        return until.withLock { table in table[account].map { $0 > now } ?? false }
    }
}
