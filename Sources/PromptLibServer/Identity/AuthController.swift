import Foundation
import Hummingbird
import PromptLibCore
import PromptLibStorage

/// `/api/v1/auth`: login, refresh, logout, the caller's account, password and sessions.
struct AuthController {
    let auth: AuthService
    let users: UserService

    struct LoginInput: Decodable { let login: String; let password: String }
    struct RefreshInput: Decodable {
        let refreshToken: String
        enum CodingKeys: String, CodingKey { case refreshToken = "refresh_token" }
    }
    struct PasswordInput: Decodable {
        let currentPassword: String
        let newPassword: String
        enum CodingKeys: String, CodingKey { case currentPassword = "current_password", newPassword = "new_password" }
    }
    struct ProfileInput: Decodable { let email: String? }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("login") { request, context -> TokenResponse in
            let input = try await request.decodeJSON(as: LoginInput.self, context: context)
            return try await auth.login(input.login, password: input.password, context: context)
        }
        group.post("refresh") { request, context -> TokenResponse in
            let input = try await request.decodeJSON(as: RefreshInput.self, context: context)
            return try await auth.refresh(input.refreshToken, context: context)
        }
        group.post("logout") { _, context -> HTTPResponse.Status in
            try await auth.logout(try context.requireIdentity(), context: context)
            return .noContent
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
