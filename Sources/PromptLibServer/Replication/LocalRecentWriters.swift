/// ``RecentWriters`` of one process: when each account last wrote, forgotten after the window.
final class LocalRecentWriters: RecentWriters {
    private let window: Duration
    private let writers = Deadlines()

    init(window: Duration) {
        self.window = window
    }

    func wrote(_ account: String) async { writers.set(account, for: window) }

    func wroteRecently(_ account: String) async -> Bool { writers.remaining(account) != nil }
}
