import PromptLibStorage
import ServiceLifecycle

/// Closes the database when the server shuts down. Services stop in reverse order, so this runs
/// after the HTTP server has finished its in-flight requests, and also when the server never started.
struct StoreShutdownService: Service {
    let store: any SQLStore

    func run() async throws {
        // Ends on graceful shutdown or cancellation; either way the pool must be closed.
        try? await gracefulShutdown()
        // When the server fails to start (a port in use), the group cancels this task, and the
        // drivers' close refuses to run in a cancelled task: a task of its own is not cancelled.
        let store = store
        await Task { await store.close() }.value
    }
}
