import PromptLibStorage
import ServiceLifecycle

/// Closes the database when the server shuts down. Services stop in reverse order, so this runs
/// after the HTTP server has finished its in-flight requests.
struct StoreShutdownService: Service {
    let store: any SQLStore

    func run() async throws {
        // Ends on graceful shutdown or cancellation; either way the pool must be closed.
        try? await gracefulShutdown()
        await store.close()
    }
}
