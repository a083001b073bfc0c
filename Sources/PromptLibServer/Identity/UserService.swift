import Foundation
import Logging
import PromptLibCore
import PromptLibStorage

/// Accounts: creation, changes by admins, and the first admin on an empty database.
struct UserService: Sendable {
    let users: any UserRepository
    let sessions: any SessionRepository
    let apiKeys: any APIKeyRepository
    let hasher: PasswordHasher
    let audit: AuditLog

    /// What an admin may change about an account; `nil` leaves a field as it is.
    struct Changes: Sendable {
        var email: String?
        var role: Role?
        var status: UserStatus?
        var password: String?
    }

    func create(username: String, email: String, password: String, role: Role, context: AppRequestContext?) async throws -> UserRecord {
        var failures: [ValidationFailure] = []
        if !Self.isValidUsername(username) {
            failures.append(.init(field: "username", message: "must be 2–64 characters of lowercase letters, digits, '.', '_' and '-'"))
        }
        if !Self.isValidEmail(email) { failures.append(.init(field: "email", message: "must be an email address")) }
        failures += PasswordPolicy.problems(password: password, username: username).map { .init(field: "password", message: $0) }
        guard failures.isEmpty else { throw ValidationFailures(failures: failures) }
        let user = UserRecord(username: username, email: email, passwordHash: try await hasher.hash(password), role: role)
        do {
            try await users.create(user)
        } catch StorageError.conflict {
            throw APIError(.conflict, .alreadyExists, "That username or email is already taken", field: "username")
        }
        try await audit.record("user.created", context: context, actorName: "cli", targetType: "user", targetID: user.id,
                               details: ["username": user.username, "role": role.rawValue])
        return user
    }

    func find(id: String) async throws -> UserRecord {
        guard let user = try await users.find(id: id) else { throw APIError.notFound("User") }
        return user
    }

    func update(id: String, _ changes: Changes, context: AppRequestContext?) async throws -> UserRecord {
        var user = try await find(id: id)
        let actor = context?.identity
        let losesAdmin = user.role == .admin && user.status == .active
            && ((changes.role.map { $0 != .admin } ?? false) || changes.status == .disabled)
        if losesAdmin {
            if actor?.userID == user.id { throw APIError(.conflict, .conflict, "You cannot demote or disable yourself") }
        }
        // A stolen access token must not be enough to take an account over: one's own password
        // changes at /auth/me/password, which needs the current one.
        if changes.password != nil, let actor, actor.userID == user.id {
            throw APIError(.forbidden, .permissionDenied, "Change your own password at /api/v1/auth/me/password; it needs the current one",
                           field: "password")
        }
        if let email = changes.email {
            guard Self.isValidEmail(email) else { throw APIError.validation("email must be an email address", field: "email") }
            user.email = email
        }
        if let password = changes.password {
            try AuthService.checkPolicy(password, username: user.username, field: "password")
            user.passwordHash = try await hasher.hash(password)
        }
        var details: [String: String] = [:]
        if let role = changes.role, role != user.role { details["role"] = "\(user.role.rawValue)->\(role.rawValue)"; user.role = role }
        if let status = changes.status, status != user.status { details["status"] = status.rawValue; user.status = status }
        if changes.password != nil { details["password"] = "reset"; user.lockedUntil = nil; user.failedLogins = 0 }
        user.updatedAt = Date()
        do {
            try Self.check(try await users.update(user, keepingAnActiveAdmin: losesAdmin))
        } catch StorageError.conflict {
            throw APIError(.conflict, .alreadyExists, "That email is already taken", field: "email")
        }
        if user.status == .disabled || changes.password != nil {
            try await sessions.revokeAll(userID: user.id, except: nil, reason: "account_changed", now: Date())
        }
        if user.status == .disabled {
            // Disabling ends the account's keys for good: enabling it again does not revive them,
            // so a key that leaked while the account was disabled stays dead.
            let revoked = try await apiKeys.revokeAll(userID: user.id, now: Date())
            if revoked > 0 { details["api_keys_revoked"] = String(revoked) }
        }
        try await audit.record("user.updated", context: context, actorName: "cli", targetType: "user", targetID: user.id, details: details)
        return user
    }

    func delete(id: String, context: AppRequestContext?) async throws {
        let user = try await find(id: id)
        if context?.identity?.userID == user.id { throw APIError(.conflict, .conflict, "You cannot delete your own account") }
        try Self.check(try await users.delete(id: id, keepingAnActiveAdmin: user.role == .admin && user.status == .active))
        try await audit.record("user.deleted", context: context, actorName: "cli", targetType: "user", targetID: id,
                               details: ["username": user.username])
    }

    private static func check(_ outcome: UserWrite) throws {
        switch outcome {
        case .done: return
        case .notFound: throw APIError.notFound("User")
        case .lastActiveAdmin: throw APIError(.conflict, .conflict, "This is the last active admin; make another admin first")
        }
    }

    /// On an empty database, creates `admin` with `password`, or with a generated one that is
    /// written to the log once. There is never a fixed default password.
    func bootstrapAdmin(password: String?, logger: Logger) async throws {
        guard try await users.count() == 0 else { return }
        if let password {
            let problems = PasswordPolicy.problems(password: password, username: "admin")
            guard problems.isEmpty else {
                throw ConfigurationError(variable: "ADMIN_PASSWORD", message: problems.joined(separator: "; "))
            }
        }
        let chosen = password ?? Self.generatedPassword()
        let admin = UserRecord(username: "admin", email: "admin@localhost", passwordHash: try await hasher.hash(chosen), role: .admin)
        do {
            try await users.create(admin)
        } catch StorageError.conflict {
            return  // another replica created it first
        }
        try await audit.record("user.created", context: nil, actorName: "system", targetType: "user", targetID: admin.id,
                               details: ["username": "admin", "role": "admin", "bootstrap": "true"])
        if password == nil {
            // The one and only time this password is shown: the operator must read it here.
            logger.notice("created the first admin account with a generated password; sign in and change it now",
                          metadata: ["username": "admin", "password": "\(chosen)"])
        } else {
            logger.notice("created the first admin account with ADMIN_PASSWORD", metadata: ["username": "admin"])
        }
    }

    static func generatedPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet.randomElement(using: &generator)! })
    }

    static func isValidUsername(_ name: String) -> Bool {
        (2...64).contains(name.count) && name.allSatisfy { $0.isASCIILowercaseOrDigitLike }
    }

    static func isValidEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        return email.unicodeScalars.count <= 254 && parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !email.contains(" ")
    }
}

extension Character {
    fileprivate var isASCIILowercaseOrDigitLike: Bool {
        guard let ascii = asciiValue else { return false }
        return (97...122).contains(ascii) || (48...57).contains(ascii) || ascii == 46 || ascii == 95 || ascii == 45
    }
}
