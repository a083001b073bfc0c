import Hummingbird

/// Enforces ``PermissionMatrix`` after routing, when the matched route pattern is known.
struct PermissionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var path = context.endpointPath ?? request.uri.path
        if !path.hasPrefix("/") { path = "/" + path }
        switch PermissionMatrix.access(method: request.method.rawValue, path: path) {
        case .anyone:
            break
        case .role(let required):
            let identity = try context.requireIdentity()
            guard identity.role >= required else {
                throw APIError(.forbidden, .permissionDenied, "This needs the \(required.rawValue) role or higher")
            }
            if let scopes = identity.scopes {
                guard let needed = PermissionMatrix.scopes["\(request.method.rawValue) \(path)"] else {
                    throw APIError(.forbidden, .permissionDenied, "API keys cannot use this route; sign in instead")
                }
                guard scopes.contains(needed) else {
                    throw APIError(.forbidden, .permissionDenied, "This API key lacks the \(needed.rawValue) scope")
                }
            }
        case nil:
            // A route without a matrix entry is a defect; refusing it is the safe failure.
            context.logger.error("route has no permission entry", metadata: ["route": "\(request.method) \(path)"])
            throw APIError(.forbidden, .permissionDenied, "This route is not available")
        }
        return try await next(request, context)
    }
}
