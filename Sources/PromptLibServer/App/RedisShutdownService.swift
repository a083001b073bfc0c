import ServiceLifecycle

/// Stops the event subscription and closes the Redis connections when the server shuts down,
/// after the HTTP server's in-flight requests have finished (services stop in reverse order).
struct RedisShutdownService: Service {
    let shared: SharedState

    func run() async throws {
        try? await gracefulShutdown()
        let shared = shared
        await Task { await shared.close() }.value
    }
}
