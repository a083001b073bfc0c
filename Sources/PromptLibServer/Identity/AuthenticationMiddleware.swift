import Hummingbird

/// Turns `Authorization: Bearer …` (an access token, or an API key `pl_…`) into the request's ``Identity``. No header means anonymous;
/// a header that does not authenticate is a 401 whatever the route, so a client learns at once
/// that its credentials are wrong. Failed attempts are counted per address; once they reach
/// `RATE_LIMIT_PER_IP` a minute, that address's bearer headers are refused unread (429) for the rest
/// of the window, so a flood of made-up tokens or keys meets a limit without touching anyone else's
/// requests. The refusal is remembered in process (`blocked`): a good request asks nothing of
/// Redis for it. The count itself is the ``RateLimiter``'s (shared by replicas through Redis); a
/// replica learns of a block from the count its own failures meet, so at most one more failure per
/// replica gets through after another replica filled the allowance. With Redis, a read whose
/// credential parses from an address not refused first reads the ``SharedCounters``, and is
/// authenticated and served with them.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let auth: AuthService
    let limiter: any RateLimiter
    let limits: SecurityLimits
    /// With Redis, the counters a read needs, read here in one round trip (``SharedCounters``).
    var counters: RedisSharedCounters? = nil
    /// Addresses at their limit, until their window ends.
    let blocked = Deadlines()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else { return try await next(request, context) }
        let address = context.clientIP ?? "unknown"
        // An address already at its limit is refused before any token is looked at.
        if let left = blocked.remaining(address) {
            throw AuthService.tooMany(RateLimitDecision(allowed: false, limit: 0, remaining: 0, resetAfter: left).resetSeconds, "Too many requests; slow down")
        }
        guard let credential = Self.bearerCredential(header) else {
            try await counted(address, APIError(.unauthorized, .tokenInvalid, "Authorization must be 'Bearer <token>'"))
        }
        // An API key is looked up by its hash, made once for the counters and the lookup.
        let keyHash = credential.hasPrefix(APIKeyService.keyPrefix) ? TokenService.hash(credential) : nil
        let shared = await counters?.read(for: request, keyHash: keyHash, auth: auth, limits: limits)
        return try await SharedCounters.$current.withValue(shared) {
            var context = context
            do {
                context.identity = if let keyHash {
                    try await auth.authenticate(apiKeyHash: keyHash)
                } else {
                    try await auth.authenticate(accessToken: credential)
                }
            } catch let error as APIError where error.status == .unauthorized {
                try await counted(address, error)
            }
            context.logger[metadataKey: "user_id"] = .string(context.identity?.userID ?? "")
            return try await next(request, context)
        }
    }

    /// Counts a failed attempt from `address` (blocking it at the limit), then throws `error`.
    private func counted(_ address: String, _ error: APIError) async throws -> Never {
        let count = await limiter.consume("auth-failures:\(address)", limit: limits.requestsPerIPPerMinute, window: .seconds(60))
        if count.remaining == 0 { blocked.set(address, for: count.resetAfter) }
        throw error
    }

    /// The credential of `Bearer <credential>` (the scheme in any case, one space), at most
    /// 8 KiB; nil for anything else.
    static func bearerCredential(_ header: String) -> String? {
        let scheme = "bearer "
        let utf8 = header.utf8
        guard utf8.count > scheme.utf8.count, utf8.count - scheme.utf8.count <= 8_192,
              zip(utf8, scheme.utf8).allSatisfy({ (0x41...0x5A ~= $0 ? $0 | 0x20 : $0) == $1 }) else { return nil }
        return String(header.utf8.dropFirst(scheme.utf8.count))
    }
}
