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
    /// Accounts, sessions and keys as the checks below read them, right at once after any revocation.
    let identities: IdentityCache
    let generation: any IdentityGeneration

    /// Signs in. Every attempt is counted before the password check (per address, and per account
    /// or per unknown name), so parallel guesses cannot get past a limit. To an anonymous caller an
    /// unknown, disabled, locked or wrong-password login look alike: the same 401, and the same
    /// 429 after the same number of failures.
    func login(_ login: String, password: String, context: AppRequestContext) async throws -> TokenResponse {
        let ipKey = "login-failures:\(context.clientIP ?? "unknown")"
        let ipState = await limiter.consume(ipKey, limit: limits.ipFailures, window: limits.accountWindow)
        guard ipState.allowed else { throw Self.tooMany(ipState.resetSeconds, "Too many failed logins from this address") }
        let now = Date()
        let found = try await users.find(login: login)
        let locked = "Too many failed logins for this account; try again later"
        if let lockedUntil = found?.lockedUntil, lockedUntil > now {
            // Locked accounts are refused before the password is even checked, right or wrong.
            throw Self.tooMany(Int(lockedUntil.timeIntervalSince(now).rounded(.up)), locked)
        }
        let window = TimeInterval(limits.accountWindow.components.seconds)
        let attempts: Int
        if let found {
            attempts = try await users.countLoginAttempt(id: found.id, now: now, windowStart: now.addingTimeInterval(-window))
            if attempts > limits.accountFailures {
                try await lock(found, until: now.addingTimeInterval(window), now: now, context: context)
                throw Self.tooMany(Int(window), locked)
            }
        } else {
            // A name with no account is counted too, so that it "locks" after as many failures as
            // a real one would: a 429 must not reveal that an account exists.
            let state = await limiter.consume("login-name:\(login.lowercased())", limit: limits.accountFailures, window: limits.accountWindow)
            guard state.allowed else { throw Self.tooMany(state.resetSeconds, locked) }
            attempts = state.limit - state.remaining
        }
        let matches = try await hasher.verify(password, against: found?.passwordHash)
        guard matches, var user = found, user.status == .active else {
            if matches, let found {
                try await audit.record("auth.login.refused", context: context, actorName: found.username, targetType: "user", targetID: found.id,
                                       details: ["reason": "disabled"])
            } else {
                try await audit.record("auth.login.failed", context: context, actorName: String(login.prefix(128)),
                                       targetType: found == nil ? nil : "user", targetID: found?.id)
            }
            if let found, attempts >= limits.accountFailures {
                try await lock(found, until: now.addingTimeInterval(window), now: now, context: context)
            }
            // A disabled account gets the answer a wrong password gets, right password or not.
            throw APIError(.unauthorized, .invalidCredentials, "The username or password is wrong")
        }
        await limiter.refund(ipKey)
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
        let ticket = await currentGeneration()
        async let user = cachedUser(claims.sub.value, ticket: ticket)
        async let session = cachedSession(claims.sid, ticket: ticket)
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
    /// The id of the API key with this hash (``TokenService/hash(_:)``), when this replica holds
    /// it from an earlier request (whatever the shared count now says: an id never changes for
    /// its key); nil otherwise.
    func knownKeyID(hash: String) -> String? {
        identities.anyKey(hash: hash)?.id
    }

    /// The identity behind the API key with this hash: its owner's, limited to the key's scopes.
    func authenticate(apiKeyHash hash: String) async throws -> Identity {
        let now = Date()
        let ticket = await currentGeneration()
        let invalid = APIError(.unauthorized, .tokenInvalid, "The API key is not valid")
        let key: APIKeyRecord, user: UserRecord
        if let ticket, let held = identities.keyAndOwner(hash: hash, ticket: ticket) {
            (key, user) = held
        } else {
            guard let found = try await cachedKey(hash: hash, ticket: ticket) else { throw invalid }
            guard let owner = try await cachedUser(found.userID, ticket: ticket) else { throw invalid }
            (key, user) = (found, owner)
        }
        guard key.isLive(at: now), user.status == .active else { throw invalid }
        // Use is recorded about once a minute, so the hot path rarely writes.
        try await touch(key, now: now, ticket: ticket)
        return Identity(
            userID: user.id, username: user.username, role: user.role, sessionID: nil, apiKeyID: key.id,
            scopes: Set(key.scopes.compactMap(APIScope.init(rawValue:)))
        )
    }
}
