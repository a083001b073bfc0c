import Hummingbird

extension RedisSharedCounters {
    /// The counters for an authenticated request, read by authentication once the credential
    /// has parsed and the address is not refused: for reads only (a GET, or a render), and with
    /// the read allowance of an API key this replica has seen counted in the same round trip.
    ///
    /// A request that writes reads nothing here: what it reads after its own write must not be
    /// judged by counts read before it, so each part asks Redis on its own, as without counters.
    /// A signed-in person's read makes a second round trip for the per-user count: which user a
    /// token names is known only once it is verified.
    ///
    /// `keyHash` is the request's API key's hash, nil for another credential.
    func read(for request: Request, keyHash: String?, auth: AuthService, limits: SecurityLimits) async -> SharedCounters? {
        guard RateLimitMiddleware.isRead(request) else { return nil }
        var counting: (key: String, limit: Int, window: Duration)?
        if request.uri.path.hasPrefix("/api/v1/"), let keyHash, let keyID = auth.knownKeyID(hash: keyHash) {
            counting = (RateLimitMiddleware.keyReadsKey(keyID), limits.apiKeyReadsPerMinute, RateLimitMiddleware.window)
        }
        return await read(counting: counting)
    }
}
