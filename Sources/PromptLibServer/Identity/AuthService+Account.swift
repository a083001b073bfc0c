import Foundation
import PromptLibCore
import PromptLibStorage

extension AuthService {
    /// Ends the session the caller's token belongs to.
    func logout(_ identity: Identity, context: AppRequestContext) async throws {
        guard let sessionID = identity.sessionID else { return }
        try await sessions.revoke(id: sessionID, reason: "logout", now: Date())
        try await audit.record("auth.logout", context: context, targetType: "session", targetID: sessionID)
    }

    func liveSessions(_ identity: Identity) async throws -> [SessionRecord] {
        try await sessions.live(userID: identity.userID, now: Date())
    }

    /// Ends one of the caller's own sessions; another user's session is a 404, not a 403,
    /// so that session ids cannot be probed.
    func endSession(_ id: String, identity: Identity, context: AppRequestContext) async throws {
        guard let session = try await sessions.find(id: id), session.userID == identity.userID, session.revokedAt == nil else {
            throw APIError.notFound("Session")
        }
        try await sessions.revoke(id: id, reason: "ended_by_user", now: Date())
        try await audit.record("auth.session.ended", context: context, targetType: "session", targetID: id)
    }

    /// Changes the caller's password after checking the current one, and ends their other sessions.
    func changePassword(current: String, new: String, identity: Identity, context: AppRequestContext) async throws {
        guard var user = try await users.find(id: identity.userID) else { throw APIError.notFound("User") }
        guard try await hasher.verify(current, against: user.passwordHash) else {
            throw APIError(.forbidden, .invalidCredentials, "The current password is wrong", field: "current_password")
        }
        try Self.checkPolicy(new, username: user.username, field: "new_password")
        user.passwordHash = try await hasher.hash(new)
        user.updatedAt = Date()
        try await users.update(user)
        let ended = try await sessions.revokeAll(userID: user.id, except: identity.sessionID, reason: "password_changed", now: Date())
        try await audit.record("user.password.changed", context: context, targetType: "user", targetID: user.id,
                               details: ["sessions_ended": String(ended)])
    }

    /// `400 VALIDATION_ERROR` naming every password rule broken.
    static func checkPolicy(_ password: String, username: String, field: String) throws {
        let problems = PasswordPolicy.problems(password: password, username: username)
        guard problems.isEmpty else {
            throw ValidationFailures(failures: problems.map { ValidationFailure(field: field, message: $0) })
        }
    }
}
