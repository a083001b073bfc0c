import Foundation
import PromptLibCore
import PromptLibStorage

/// Share links: an unguessable, expiring, optionally password-protected, read-only view of a
/// prompt that needs no account.
struct ShareService: Sendable {
    let prompts: PromptService
    let shares: any ShareRepository
    let collaborators: any CollaboratorRepository
    let users: any UserRepository
    let hasher: PasswordHasher
    let limiter: any RateLimiter
    let audit: AuditLog
    /// Where links point: `FRONTEND_URL`.
    let baseURL: String

    static let tokenPrefix = "pls_"
    /// Wrong passwords a link takes in `passwordWindow` before it refuses guesses for a while.
    static let passwordAttempts = 10
    static let passwordWindow: Duration = .seconds(900)

    struct Input: Decodable, Sendable {
        var expiresInHours: Double?
        var password: String?
        var maxViews: Int?
        var version: Int?
        var label: String?
        enum CodingKeys: String, CodingKey {
            case password, version, label
            case expiresInHours = "expires_in_hours", maxViews = "max_views"
        }
    }

    /// Makes a link; the token is in the answer once and never again.
    func create(promptID: String, _ input: Input, context: AppRequestContext) async throws -> (ShareRecord, token: String, url: String) {
        let identity = try context.requireIdentity()
        let prompt = try await prompts.find(id: promptID)
        try await requireWriter(prompt, identity)
        let hours = input.expiresInHours ?? 168
        guard hours > 0, hours <= 8_760 else { throw APIError.validation("expires_in_hours must be above 0 and at most 8760 (a year)", field: "expires_in_hours") }
        if let views = input.maxViews, !(1...1_000_000).contains(views) {
            throw APIError.validation("max_views must be from 1 to 1000000", field: "max_views")
        }
        if let password = input.password, password.isEmpty || password.utf8.count > PasswordHasher.maximumBytes {
            // bcrypt reads 72 bytes: anything past them would be silently ignored.
            throw APIError.validation("password must be 1 to \(PasswordHasher.maximumBytes) bytes", field: "password")
        }
        // The version or label must exist now; a label may move later, and the link follows it.
        _ = try await prompts.resolve(id: prompt.id, version: input.version, label: input.label)
        let (token, tokenHash) = TokenService.newSecret(prefix: Self.tokenPrefix)
        var passwordHash: String?
        if let password = input.password { passwordHash = try await hasher.hash(password) }
        let now = Date()
        let share = ShareRecord(
            id: UUID().uuidString.lowercased(), promptID: prompt.id, tokenHash: tokenHash, createdBy: identity.username, createdByID: identity.userID,
            version: input.version, label: input.label, passwordHash: passwordHash,
            maxViews: input.maxViews, expiresAt: now.addingTimeInterval(hours * 3_600), createdAt: now
        )
        try await shares.create(share)
        try await audit.record("share.created", context: context, targetType: "prompt", targetID: prompt.id, details: ["share_id": share.id])
        return (share, token, baseURL.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/s/" + token)
    }

    func list(promptID: String, context: AppRequestContext) async throws -> [ShareRecord] {
        let prompt = try await prompts.find(id: promptID)
        try await requireWriter(prompt, try context.requireIdentity())
        return try await shares.list(promptID: prompt.id)
    }

    func revoke(promptID: String, shareID: String, context: AppRequestContext) async throws {
        let prompt = try await prompts.find(id: promptID)
        try await requireWriter(prompt, try context.requireIdentity())
        guard let share = try await shares.find(id: shareID), share.promptID == prompt.id else { throw APIError.notFound("Share link \(shareID)") }
        _ = try await shares.revoke(id: share.id, at: Date())
        try await audit.record("share.revoked", context: context, targetType: "prompt", targetID: prompt.id, details: ["share_id": share.id])
    }

    /// The shared version, for anyone with the token (and the password, when the link has one).
    /// Counts the view only when it is served.
    func view(token: String, password: String?) async throws -> (PromptDocument, ShareRecord) {
        guard token.hasPrefix(Self.tokenPrefix), token.count < 100, let share = try await shares.find(tokenHash: TokenService.hash(token)) else {
            throw APIError.notFound("Share link")
        }
        let now = Date()
        try Self.requireLive(share, at: now)
        if let hash = share.passwordHash {
            guard let password, !password.isEmpty else {
                throw APIError(.unauthorized, .authenticationRequired, "This link needs its password in the X-Share-Password header")
            }
            // Counted before the (slow) check, so a burst of parallel guesses gets no more checks
            // than the limit; a right password is forgiven.
            let key = "share-password:\(share.id)"
            let state = await limiter.consume(key, limit: Self.passwordAttempts, window: Self.passwordWindow)
            if !state.allowed { throw AuthService.tooMany(state.resetSeconds, "Too many wrong passwords for this link; try again later") }
            guard try await hasher.verify(password, against: hash) else {
                throw APIError(.unauthorized, .invalidCredentials, "The password for this link is wrong")
            }
            await limiter.refund(key)
        }
        let prompt = try await prompts.find(id: share.promptID)
        if prompt.archivedAt != nil { throw APIError(.gone, .gone, "The shared prompt was archived") }
        guard try await creatorMayStillShare(share, prompt) else {
            throw APIError(.gone, .gone, "The account that made this link no longer has access to the prompt")
        }
        let document: PromptDocument
        do {
            document = try await prompts.resolve(id: prompt.id, version: share.version, label: share.label).1.document
        } catch let error as APIError where error.code == .notFound {
            throw APIError(.gone, .gone, "The label this link follows no longer exists")
        }
        guard let views = try await shares.recordView(id: share.id, at: now) else {
            throw APIError(.gone, .gone, "This share link has just run out or expired")
        }
        var counted = share
        counted.views = views
        return (document, counted)
    }

    static func requireLive(_ share: ShareRecord, at now: Date) throws {
        if share.revokedAt != nil { throw APIError(.gone, .gone, "This share link was revoked") }
        if share.expiresAt <= now { throw APIError(.gone, .gone, "This share link expired") }
        if let max = share.maxViews, share.views >= max { throw APIError(.gone, .gone, "This share link has been viewed its \(max) time(s)") }
    }

    /// A link is only as good as its creator's current access: the account must be active and
    /// still the owner, a collaborator or an admin. Checked at every view, so removing a
    /// collaborator or disabling an account ends their links at once (and enabling it again, or
    /// adding the collaborator back, restores them).
    private func creatorMayStillShare(_ share: ShareRecord, _ prompt: PromptRecord) async throws -> Bool {
        guard let id = share.createdByID, let creator = try await users.find(id: id), creator.status == .active else { return false }
        if creator.role == .admin || prompt.ownerID == id { return true }
        return try await collaborators.isCollaborator(promptID: prompt.id, userID: id)
    }

    private func requireWriter(_ prompt: PromptRecord, _ identity: Identity) async throws {
        if identity.owns(prompt) { return }
        guard try await collaborators.isCollaborator(promptID: prompt.id, userID: identity.userID) else {
            throw APIError(.forbidden, .permissionDenied, "Only the prompt's owner, its collaborators or an admin may share it")
        }
    }
}
