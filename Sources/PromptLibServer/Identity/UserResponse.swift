import Foundation
import Hummingbird
import PromptLibStorage

/// An account as the API shows it: never the password hash or lockout counters.
struct UserResponse: ResponseEncodable, Sendable {
    let id: String
    let username: String
    let email: String
    let role: String
    let status: String
    let createdAt: Date
    let lastLoginAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, username, email, role, status, createdAt = "created_at", lastLoginAt = "last_login_at"
    }

    init(_ user: UserRecord) {
        id = user.id
        username = user.username
        email = user.email
        role = user.role.rawValue
        status = user.status.rawValue
        createdAt = user.createdAt
        lastLoginAt = user.lastLoginAt
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(username, forKey: .username)
        try container.encode(email, forKey: .email)
        try container.encode(role, forKey: .role)
        try container.encode(status, forKey: .status)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(lastLoginAt, forKey: .lastLoginAt)
    }
}

/// The answer to a login or a refresh. `refresh_token` is absent when it went into the
/// browser's cookie instead (``RefreshCookie``).
struct TokenResponse: ResponseEncodable, Sendable {
    let accessToken: String
    var refreshToken: String?
    let tokenType = "Bearer"
    let expiresIn: Int
    let user: UserResponse

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token", refreshToken = "refresh_token", tokenType = "token_type", expiresIn = "expires_in", user
    }
}
