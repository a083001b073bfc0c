import Hummingbird

/// Turns `Authorization: Bearer …` (an access token, or an API key `pl_…`) into the request's ``Identity``. No header means anonymous;
/// a header that does not authenticate is a 401 whatever the route, so a client learns at once
/// that its credentials are wrong.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let auth: AuthService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else { return try await next(request, context) }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty, parts[1].utf8.count <= 8_192 else {
            throw APIError(.unauthorized, .tokenInvalid, "Authorization must be 'Bearer <token>'")
        }
        var context = context
        let credential = String(parts[1])
        context.identity = credential.hasPrefix(APIKeyService.keyPrefix)
            ? try await auth.authenticate(apiKey: credential)
            : try await auth.authenticate(accessToken: credential)
        context.logger[metadataKey: "user_id"] = .string(context.identity?.userID ?? "")
        return try await next(request, context)
    }
}
