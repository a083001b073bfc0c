import Foundation
import PromptLibCore
import PromptLibStorage

/// Logins, token refresh, sessions and the checks behind every authenticated request.
struct AuthService: Sendable {
    let users: any UserRepository
    let sessions: any SessionRepository
    let apiKeys: any APIKeyRepository
    let tokens: TokenService
    let hasher: PasswordHasher
    let limiter: any RateLimiter
    let limits: SecurityLimits
    let audit: AuditLog

    func login(_ login: String, password: String, context: AppRequestContext) async throws -> TokenResponse {
        let ipKey = "login-failures:\(context.clientIP ?? "unknown")"
        let ipState = await limiter.peek(ipKey, limit: limits.ipFailures, window: limits.accountWindow)
        guard ipState.allowed else { throw Self.tooMany(ipState.resetSeconds, "Too many failed logins from this address") }
        let now = Date()
        let found = try await users.find(login: login)
        if let lockedUntil = found?.lockedUntil, lockedUntil > now {
            // Locked accounts are refused before the password is even checked, right or wrong.
            throw Self.tooMany(Int(lockedUntil.timeIntervalSince(now).rounded(.up)), "Too many failed logins for this account; try again later")
        }
        // Attempts are counted before the (slow) password check, so a burst of parallel guesses
        // gets no more checks than the limit allows.
        let window = TimeInterval(limits.accountWindow.components.seconds)
        var attempts = 0
        if let found {
            attempts = try await users.countLoginAttempt(id: found.id, now: now, windowStart: now.addingTimeInterval(-window))
            if attempts > limits.accountFailures {
                try await lock(found, until: now.addingTimeInterval(window), now: now, context: context)
                throw Self.tooMany(Int(window), "Too many failed logins for this account; try again later")
            }
        }
        guard try await hasher.verify(password, against: found?.passwordHash), var user = found else {
            _ = await limiter.consume(ipKey, limit: limits.ipFailures, window: limits.accountWindow)
            try await audit.record("auth.login.failed", context: context, actorName: String(login.prefix(128)),
                                   targetType: found == nil ? nil : "user", targetID: found?.id)
            if let found, attempts >= limits.accountFailures {
                try await lock(found, until: now.addingTimeInterval(window), now: now, context: context)
            }
            throw APIError(.unauthorized, .invalidCredentials, "The username or password is wrong")
        }
        guard user.status == .active else {
            try await audit.record("auth.login.refused", context: context, actorName: user.username, targetType: "user", targetID: user.id, details: ["reason": "disabled"])
            throw APIError(.forbidden, .permissionDenied, "This account is disabled")
        }
        try await users.recordLogin(id: user.id, now: now)
        user.lastLoginAt = now
        let (refresh, hash) = tokens.newRefreshToken()
        let session = SessionRecord(
            userID: user.id, now: now, expiresAt: now.addingTimeInterval(TimeInterval(tokens.refreshTTL.components.seconds)),
            ip: context.clientIP, userAgent: context.userAgent
        )
        try await sessions.create(session, tokenHash: hash)
        let identity = Identity(userID: user.id, username: user.username, role: user.role, sessionID: session.id)
        try await audit.record("auth.login.succeeded", context: context, actor: identity, targetType: "session", targetID: session.id)
        return TokenResponse(
            accessToken: try await tokens.accessToken(userID: user.id, role: user.role, sessionID: session.id),
            refreshToken: refresh, expiresIn: tokens.accessSeconds, user: UserResponse(user)
        )
    }

    private func lock(_ user: UserRecord, until: Date, now: Date, context: AppRequestContext) async throws {
        // Only the request that actually sets the lock records it, however many race here.
        if try await users.lockLogin(id: user.id, until: until, now: now) {
            try await audit.record("auth.lockout", context: context, actorName: user.username, targetType: "user", targetID: user.id)
        }
    }

    func refresh(_ token: String, context: AppRequestContext) async throws -> TokenResponse {
        let now = Date()
        let (next, nextHash) = tokens.newRefreshToken()
        let expires = now.addingTimeInterval(TimeInterval(tokens.refreshTTL.components.seconds))
        let invalid = APIError(.unauthorized, .tokenInvalid, "The refresh token is not valid; sign in again")
        switch try await sessions.rotate(tokenHash: TokenService.hash(token), to: nextHash, now: now, expiresAt: expires) {
        case .invalid:
            throw invalid
        case .reused(let session):
            try await audit.record("auth.refresh_token.reused", context: context, targetType: "session", targetID: session.id,
                                   details: ["user_id": session.userID])
            throw invalid
        case .rotated(let session):
            guard let user = try await users.find(id: session.userID), user.status == .active else {
                try await sessions.revoke(id: session.id, reason: "user_disabled", now: now)
                throw invalid
            }
            return TokenResponse(
                accessToken: try await tokens.accessToken(userID: user.id, role: user.role, sessionID: session.id),
                refreshToken: next, expiresIn: tokens.accessSeconds, user: UserResponse(user)
            )
        }
    }

    /// The identity behind an access token: the user must still be active and the session live.
    func authenticate(accessToken: String) async throws -> Identity {
        let claims = try await tokens.verifyAccessToken(accessToken)
        async let user = users.find(id: claims.sub.value)
        async let session = sessions.find(id: claims.sid)
        guard let user = try await user, user.status == .active else {
            throw APIError(.unauthorized, .tokenInvalid, "The account behind this token is disabled or gone")
        }
        guard let session = try await session, session.userID == user.id, session.isLive(at: Date()) else {
            throw APIError(.unauthorized, .tokenInvalid, "The session behind this token has ended; sign in again")
        }
        // The role comes from the account, not the token, so a demotion applies at once.
        return Identity(userID: user.id, username: user.username, role: user.role, sessionID: session.id)
    }

    static func tooMany(_ seconds: Int, _ message: String) -> APIError {
        var error = APIError(.tooManyRequests, .rateLimitExceeded, message)
        error.retryAfter = max(1, seconds)
        return error
    }
}

extension AuthService {
    /// The identity behind an API key: its owner's, limited to the key's scopes.
    func authenticate(apiKey: String) async throws -> Identity {
        let invalid = APIError(.unauthorized, .tokenInvalid, "The API key is not valid")
        let now = Date()
        guard let key = try await apiKeys.find(hash: TokenService.hash(apiKey)), key.isLive(at: now) else { throw invalid }
        guard let user = try await users.find(id: key.userID), user.status == .active else { throw invalid }
        // Use is recorded about once a minute, so the hot path rarely writes.
        if key.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            try await apiKeys.touch(id: key.id, now: now)
        }
        return Identity(
            userID: user.id, username: user.username, role: user.role, sessionID: nil, apiKeyID: key.id,
            scopes: Set(key.scopes.compactMap(APIScope.init(rawValue:)))
        )
    }
}
