import Hummingbird

/// The general API limit: per user when signed in, else per IP address, in one-minute windows.
/// An API key's reads (fetches and renders) have their own, much higher limit per key: they are
/// an application's run-time traffic, not a person's. Health probes and the API document are not counted.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let limiter: any RateLimiter
    let limits: SecurityLimits
    static let window = Duration.seconds(60)

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard path.hasPrefix("/api/v1/") else { return try await next(request, context) }
        let (key, limit): (String, Int)
        if let identity = context.identity, let keyID = identity.apiKeyID, Self.isRead(request) {
            (key, limit) = (Self.keyReadsKey(keyID), limits.apiKeyReadsPerMinute)
        } else if let identity = context.identity {
            (key, limit) = ("api:user:\(identity.userID)", limits.requestsPerUserPerMinute)
        } else {
            (key, limit) = ("api:ip:\(context.clientIP ?? "unknown")", limits.requestsPerIPPerMinute)
        }
        let decision = await limiter.consume(key, limit: limit, window: Self.window)
        guard decision.allowed else {
            throw AuthService.tooMany(decision.resetSeconds, "Too many requests; slow down")
        }
        var response = try await next(request, context)
        response.headers[.rateLimitLimit] = String(decision.limit)
        response.headers[.rateLimitRemaining] = String(decision.remaining)
        response.headers[.rateLimitReset] = String(decision.resetSeconds)
        return response
    }

    /// The limiter key of an API key's reads.
    static func keyReadsKey(_ keyID: String) -> String { "api:key-reads:\(keyID)" }

    /// Reads: any GET, and a render (a POST that changes nothing).
    static func isRead(_ request: Request) -> Bool {
        let path = request.uri.path
        return request.method == .get || request.method == .head
            || (request.method == .post && (path.hasSuffix("/render") || path.hasSuffix("/render/compare")))
    }
}
