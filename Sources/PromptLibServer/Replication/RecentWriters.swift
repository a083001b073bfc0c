/// Which accounts wrote within the read-after-write window: their reads go to the primary, so a
/// client always reads what it wrote even while the read replica lags (``ReadYourWritesMiddleware``).
protocol RecentWriters: Sendable {
    /// Notes that `account` (an account id) is writing now.
    func wrote(_ account: String) async
    /// Whether `account` wrote within the window, through this replica or another.
    func wroteRecently(_ account: String) async -> Bool
}
