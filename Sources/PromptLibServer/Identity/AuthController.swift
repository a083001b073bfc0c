import Foundation
import Hummingbird
import PromptLibCore
import PromptLibStorage

/// `/api/v1/auth`: login, refresh, logout, the caller's account, password and sessions.
struct AuthController {
    let auth: AuthService
    let users: UserService
    /// How the web UI's refresh token travels (``RefreshCookie``).
    let cookie: RefreshCookie

    struct LoginInput: Decodable {
        let login: String
        let password: String
        /// `true` (the web UI): the refresh token goes into an `HttpOnly` cookie, not the body.
        let refreshCookie: Bool?
        enum CodingKeys: String, CodingKey { case login, password, refreshCookie = "refresh_cookie" }
    }
    struct RefreshInput: Decodable {
        /// Absent when the browser's cookie carries it.
        let refreshToken: String?
        enum CodingKeys: String, CodingKey { case refreshToken = "refresh_token" }
    }
    struct PasswordInput: Decodable {
        let currentPassword: String
        let newPassword: String
        enum CodingKeys: String, CodingKey { case currentPassword = "current_password", newPassword = "new_password" }
    }
    struct ProfileInput: Decodable { let email: String? }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("login") { request, context -> Response in
            let input = try await request.decodeJSON(as: LoginInput.self, context: context)
            let tokens = try await auth.login(input.login, password: input.password, context: context)
            return try respond(tokens, inCookie: input.refreshCookie == true, request: request, context: context)
        }
        group.post("refresh") { request, context -> Response in
            // The body is JSON either way, so a cross-site form can never make this request.
            let input = try await request.decodeJSON(as: RefreshInput.self, context: context)
            if let token = input.refreshToken {
                return try respond(try await auth.refresh(token, context: context), inCookie: false, request: request, context: context)
            }
            guard let token = RefreshCookie.token(in: request) else {
                throw APIError.validation("refresh_token is required (or the browser's promptlib_refresh cookie)", field: "refresh_token")
            }
            do {
                return try respond(try await auth.refresh(token, context: context), inCookie: true, request: request, context: context)
            } catch let error as APIError {
                // A dead cookie is dropped, so the browser stops sending it.
                var response = RequestLifecycleMiddleware.response(for: error, requestID: context.requestID)
                cookie.clear(on: &response)
                return response
            }
        }
        group.post("logout") { request, context -> Response in
            try await auth.logout(try context.requireIdentity(), context: context)
            var response = Response(status: .noContent)
            if RefreshCookie.token(in: request) != nil { cookie.clear(on: &response) }
            return response
        }
        group.get("me") { _, context -> UserResponse in
            UserResponse(try await users.find(id: try context.requireIdentity().userID))
        }
        group.patch("me") { request, context -> UserResponse in
            let input = try await request.decodeJSON(as: ProfileInput.self, context: context)
            let identity = try context.requireIdentity()
            return UserResponse(try await users.update(id: identity.userID, .init(email: input.email), context: context))
        }
        group.post("me/password") { request, context -> HTTPResponse.Status in
            let input = try await request.decodeJSON(as: PasswordInput.self, context: context)
            try await auth.changePassword(current: input.currentPassword, new: input.newPassword, identity: try context.requireIdentity(), context: context)
            return .noContent
        }
        group.get("sessions") { request, context -> ListResponse<SessionResponse> in
            let identity = try context.requireIdentity()
            let query = try ListQuery(request)
            let sessions = try await auth.liveSessions(identity)
            return ListResponse(try InMemoryPage.page(sessions, query, key: \.id), limit: query.limit) { SessionResponse($0, current: identity.sessionID) }
        }
        group.delete("sessions/:id") { _, context -> HTTPResponse.Status in
            try await auth.endSession(try context.parameters.require("id"), identity: try context.requireIdentity(), context: context)
            return .noContent
        }
    }
}

extension AuthController {
    /// The tokens as JSON; with `inCookie`, the refresh token moves from the body to the cookie.
    func respond(_ tokens: TokenResponse, inCookie: Bool, request: Request, context: AppRequestContext) throws -> Response {
        var tokens = tokens
        var cookieValue: String?
        if inCookie { (cookieValue, tokens.refreshToken) = (tokens.refreshToken, nil) }
        var response = try tokens.response(from: request, context: context)
        response.headers[.cacheControl] = "no-store"
        if let cookieValue { cookie.set(cookieValue, on: &response) }
        return response
    }
}

/// A live session as its owner sees it.
struct SessionResponse: Encodable, Sendable {
    let id: String
    let createdAt: Date
    let lastUsedAt: Date
    let expiresAt: Date
    let ip: String?
    let userAgent: String?
    let current: Bool

    enum CodingKeys: String, CodingKey {
        case id, ip, current, createdAt = "created_at", lastUsedAt = "last_used_at", expiresAt = "expires_at", userAgent = "user_agent"
    }

    init(_ session: SessionRecord, current: String?) {
        id = session.id
        createdAt = session.createdAt
        lastUsedAt = session.lastUsedAt
        expiresAt = session.expiresAt
        ip = session.ip
        userAgent = session.userAgent
        self.current = session.id == current
    }
}
