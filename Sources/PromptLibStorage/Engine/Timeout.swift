/// Runs `operation`, throwing ``StorageError/unavailable(_:)`` when it takes longer than `limit`.
///
/// The operation is cancelled on time-out, which releases any pool lease it was waiting for.
func withTimeout<R: Sendable>(
    _ limit: Duration, _ operation: @escaping @Sendable () async throws -> R
) async throws -> R {
    try await withThrowingTaskGroup(of: R.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw StorageError.unavailable(StorageError.timeoutPrefix + "\(limit)")
        }
        defer { group.cancelAll() }
        guard let result = try await group.next() else {
            throw StorageError.unavailable("cancelled")
        }
        return result
    }
}
