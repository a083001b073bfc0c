import Hummingbird

/// The general API limit: per user when signed in, else per IP address, in one-minute windows.
/// Health probes and the API document are not counted.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let limiter: any RateLimiter
    let limits: SecurityLimits

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard path.hasPrefix("/api/v1/") else { return try await next(request, context) }
        let (key, limit) = context.identity.map { ("api:user:\($0.userID)", limits.requestsPerUserPerMinute) }
            ?? ("api:ip:\(context.clientIP ?? "unknown")", limits.requestsPerIPPerMinute)
        let decision = await limiter.consume(key, limit: limit, window: .seconds(60))
        guard decision.allowed else {
            throw AuthService.tooMany(decision.resetSeconds, "Too many requests; slow down")
        }
        var response = try await next(request, context)
        response.headers[.rateLimitLimit] = String(decision.limit)
        response.headers[.rateLimitRemaining] = String(decision.remaining)
        response.headers[.rateLimitReset] = String(decision.resetSeconds)
        return response
    }
}
