import Hummingbird

/// With Redis: reads the ``SharedCounters`` once for each authenticated read, before
/// authentication, and serves the request with them (`SharedCounters.current`). An application's
/// read with an API key this replica has seen has its allowance counted in the same round trip,
/// so a cached fetch costs one round trip to Redis rather than three.
///
/// Only reads: a request that writes moves the counters itself, and what it reads after its write
/// must not be judged by the counters read before it (each part then asks Redis on its own, as
/// without this middleware). Requests without credentials need no counters and make no round
/// trip; when Redis does not answer, every part asks it again on its own and falls back as before.
struct SharedCountersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let counters: RedisSharedCounters
    let auth: AuthService
    let limits: SecurityLimits

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], RateLimitMiddleware.isRead(request) else { return try await next(request, context) }
        var counting: (key: String, limit: Int, window: Duration)?
        if request.uri.path.hasPrefix("/api/v1/"),
           let credential = AuthenticationMiddleware.bearerCredential(header), credential.hasPrefix(APIKeyService.keyPrefix),
           let keyID = auth.knownKeyID(credential) {
            counting = (RateLimitMiddleware.keyReadsKey(keyID), limits.apiKeyReadsPerMinute, RateLimitMiddleware.window)
        }
        let read = await counters.read(counting: counting)
        return try await SharedCounters.$current.withValue(read) { try await next(request, context) }
    }
}
