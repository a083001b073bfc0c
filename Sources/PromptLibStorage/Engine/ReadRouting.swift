/// Whether the reads of the current task may go to a read replica (``ReplicatedStore``).
///
/// The server sends every read of a write request, and every read of a client that wrote a moment
/// ago, to the primary: a client always reads what it wrote.
public enum ReadRouting {
    /// True while reads must go to the primary.
    @TaskLocal public static var primaryOnly = false

    /// Runs `body` with its reads on the primary.
    public static func onPrimary<R>(_ body: () async throws -> R) async rethrows -> R {
        try await $primaryOnly.withValue(true, operation: body)
    }
}
