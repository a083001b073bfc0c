/// Runs `operation`, throwing `timeout()` instead when it takes longer than `limit` (the
/// operation is cancelled).
func withTimeLimit<T: Sendable>(_ limit: Duration, timeout: @escaping @Sendable () -> any Error,
                                _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw timeout()
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw CancellationError() }
        return first
    }
}
