import PromptLibCore

/// Who may call each route: the one place permissions are decided. Ownership rules (a prompt's
/// owner, or an admin) are checked by the services on top of the role required here.
///
/// `PermissionMatrixTests` walks every route of the router through this table; a route missing
/// from it is refused at run time and fails that test.
enum PermissionMatrix {
    /// What a route requires.
    enum Access: Equatable, Sendable {
        /// Anyone, signed in or not.
        case anyone
        /// A signed-in user with at least this role.
        case role(Role)
    }

    static let routes: [String: Access] = [
        "GET /api/health": .anyone,
        "GET /api/system/health": .anyone,
        "GET /api/openapi.json": .anyone,
        "GET /api/docs": .anyone,
        "GET /": .anyone,
        "GET /s/{token}": .anyone,
        "GET /assets/{version}/**": .anyone,
        "GET /api/v1/stats": .role(.viewer),
        "GET /api/v1/models": .role(.viewer),
        "POST /api/v1/prompts/validate": .role(.viewer),
        "POST /api/v1/ws/tickets": .role(.viewer),
        // The ticket is the credential: the upgrade is answered before routing, and what reaches
        // this route is refused with a 401 that says how to get one.
        "GET /api/v1/ws": .anyone,
        // Users register webhooks for the prompts they own; admins for every prompt.
        "GET /api/v1/webhooks": .role(.user),
        "POST /api/v1/webhooks": .role(.user),
        "GET /api/v1/webhooks/{id}": .role(.user),
        "PATCH /api/v1/webhooks/{id}": .role(.user),
        "DELETE /api/v1/webhooks/{id}": .role(.user),
        "POST /api/v1/webhooks/{id}/secret": .role(.user),
        "POST /api/v1/webhooks/{id}/ping": .role(.user),
        "GET /api/v1/webhooks/{id}/deliveries": .role(.user),

        "POST /api/v1/auth/login": .anyone,
        "POST /api/v1/auth/refresh": .anyone,
        "POST /api/v1/auth/logout": .role(.viewer),
        "GET /api/v1/auth/me": .role(.viewer),
        "PATCH /api/v1/auth/me": .role(.viewer),
        "POST /api/v1/auth/me/password": .role(.viewer),
        "GET /api/v1/auth/sessions": .role(.viewer),
        "DELETE /api/v1/auth/sessions/{id}": .role(.viewer),

        "GET /api/v1/prompts": .role(.viewer),
        "POST /api/v1/prompts": .role(.user),
        "GET /api/v1/prompts/{id}": .role(.viewer),
        "GET /api/v1/prompts/by-name/{name}": .role(.viewer),
        "PUT /api/v1/prompts/{id}": .role(.user),
        "DELETE /api/v1/prompts/{id}": .role(.user),
        "POST /api/v1/prompts/{id}/restore": .role(.user),
        "GET /api/v1/prompts/{id}/versions": .role(.viewer),
        "GET /api/v1/prompts/{id}/versions/{version}": .role(.viewer),
        "PUT /api/v1/prompts/{id}/labels/{label}": .role(.user),
        "DELETE /api/v1/prompts/{id}/labels/{label}": .role(.user),
        "GET /api/v1/prompts/{id}/labels": .role(.viewer),
        "GET /api/v1/prompts/{id}/labels/history": .role(.viewer),
        "PUT /api/v1/prompts/{id}/labels/history": .role(.user),
        "DELETE /api/v1/prompts/{id}/labels/history": .role(.user),
        "GET /api/v1/prompts/{id}/diff": .role(.viewer),
        "PUT /api/v1/prompts/{id}/ratings/mine": .role(.viewer),
        "GET /api/v1/prompts/{id}/ratings": .role(.viewer),
        "POST /api/v1/prompts/{id}/runs": .role(.user),
        "GET /api/v1/prompts/{id}/runs": .role(.viewer),
        "POST /api/v1/prompts/{id}/render": .role(.viewer),
        "POST /api/v1/prompts/{id}/shares": .role(.user),
        "GET /api/v1/prompts/{id}/shares": .role(.user),
        "DELETE /api/v1/prompts/{id}/shares/{share}": .role(.user),
        "GET /api/v1/shared/{token}": .anyone,
        "POST /api/v1/exports": .role(.viewer),
        "POST /api/v1/imports": .role(.user),
        "POST /api/v1/prompts/{id}/render/compare": .role(.viewer),
        "GET /api/v1/prompts/{id}/export": .role(.viewer),
        "GET /api/v1/prompts/{id}/collaborators": .role(.viewer),
        "PUT /api/v1/prompts/{id}/collaborators/{username}": .role(.user),
        "DELETE /api/v1/prompts/{id}/collaborators/{username}": .role(.user),

        "GET /api/v1/tags": .role(.viewer),
        "GET /api/v1/folders": .role(.viewer),

        "GET /api/v1/users": .role(.admin),
        "POST /api/v1/users": .role(.admin),
        "GET /api/v1/users/{id}": .role(.admin),
        "PATCH /api/v1/users/{id}": .role(.admin),
        "DELETE /api/v1/users/{id}": .role(.admin),

        "GET /api/v1/audit-events": .role(.admin),

        "GET /api/v1/api-keys": .role(.user),
        "POST /api/v1/api-keys": .role(.user),
        "DELETE /api/v1/api-keys/{id}": .role(.user),

        "GET /api/v1/connections": .role(.user),
        "POST /api/v1/connections": .role(.user),
        "GET /api/v1/connections/{id}": .role(.user),
        "PATCH /api/v1/connections/{id}": .role(.user),
        "DELETE /api/v1/connections/{id}": .role(.user),
        "POST /api/v1/connections/{id}/test": .role(.user),
        "POST /api/v1/prompts/{id}/run": .role(.user),
        "POST /api/v1/prompts/{id}/enhancements": .role(.user),
        "GET /api/v1/enhancements/{id}": .role(.user),
        "POST /api/v1/enhancements/{id}/answers": .role(.user),
        "POST /api/v1/enhancements/{id}/accept": .role(.user),
        "POST /api/v1/enhancements/{id}/reject": .role(.user),
    ]

    /// The scope an API key needs for each route it may use at all. API keys serve applications,
    /// so every other route (accounts, keys, audit) refuses them.
    static let scopes: [String: APIScope] = [
        "GET /api/v1/prompts": .promptsRead,
        "GET /api/v1/tags": .promptsRead,
        "GET /api/v1/folders": .promptsRead,
        "GET /api/v1/prompts/{id}": .promptsRead,
        "GET /api/v1/prompts/by-name/{name}": .promptsRead,
        "GET /api/v1/prompts/{id}/versions": .promptsRead,
        "GET /api/v1/prompts/{id}/versions/{version}": .promptsRead,
        "POST /api/v1/prompts": .promptsWrite,
        "PUT /api/v1/prompts/{id}": .promptsWrite,
        "DELETE /api/v1/prompts/{id}": .promptsWrite,
        "POST /api/v1/prompts/{id}/restore": .promptsWrite,
        "PUT /api/v1/prompts/{id}/labels/{label}": .labelsWrite,
        "DELETE /api/v1/prompts/{id}/labels/{label}": .labelsWrite,
        "GET /api/v1/prompts/{id}/labels": .promptsRead,
        "GET /api/v1/prompts/{id}/labels/history": .promptsRead,
        "PUT /api/v1/prompts/{id}/labels/history": .labelsWrite,
        "DELETE /api/v1/prompts/{id}/labels/history": .labelsWrite,
        "GET /api/v1/prompts/{id}/diff": .promptsRead,
        "GET /api/v1/prompts/{id}/ratings": .promptsRead,
        "POST /api/v1/prompts/{id}/runs": .runsWrite,
        "POST /api/v1/prompts/{id}/run": .runsWrite,
        "PUT /api/v1/prompts/{id}/ratings/mine": .runsWrite,
        "GET /api/v1/prompts/{id}/runs": .promptsRead,
        "POST /api/v1/prompts/{id}/render": .promptsRead,
        "POST /api/v1/exports": .promptsRead,
        "POST /api/v1/imports": .promptsWrite,
        "POST /api/v1/prompts/{id}/render/compare": .promptsRead,
        "GET /api/v1/prompts/{id}/export": .promptsRead,
        "POST /api/v1/prompts/validate": .promptsRead,
        "GET /api/v1/stats": .promptsRead,
        "GET /api/v1/models": .promptsRead,
    ]

    /// The access `method path` requires; `nil` for a route nobody has classified.
    static func access(method: String, path: String) -> Access? {
        routes["\(method) \(path)"]
    }
}
