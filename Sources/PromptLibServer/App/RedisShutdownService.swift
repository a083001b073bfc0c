import PromptLibRedis
import ServiceLifecycle

/// Closes the Redis connections when the server shuts down, after the HTTP server's in-flight
/// requests have finished (services stop in reverse order).
struct RedisShutdownService: Service {
    let pool: RedisConnectionPool

    func run() async throws {
        try? await gracefulShutdown()
        let pool = pool
        await Task { await pool.close() }.value
    }
}
