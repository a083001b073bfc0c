import Synchronization

/// Runs `operation`, throwing `timeout()` when it takes longer than `limit` — without waiting
/// for it: unlike ``withTimeLimit(_:timeout:_:)``, whose task group waits for its child, this
/// returns at the limit even when the operation cannot be cancelled (a blocking system call on a
/// thread of its own), which is then left to finish alone.
func abandonAfter<T: Sendable>(_ limit: Duration, timeout: @escaping @Sendable () -> any Error,
                               _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    let once = Once()
    return try await withCheckedThrowingContinuation { continuation in
        let work = Task {
            do {
                let value = try await operation()
                if once.claim() { continuation.resume(returning: value) }
            } catch {
                if once.claim() { continuation.resume(throwing: error) }
            }
        }
        Task {
            try? await Task.sleep(for: limit)
            if once.claim() {
                continuation.resume(throwing: timeout())
                work.cancel()
            }
        }
    }
}

/// True for the first caller only.
private final class Once: Sendable {
    private let taken = Mutex(false)
    func claim() -> Bool { taken.withLock { taken in defer { taken = true }; return !taken } }
}
