import Foundation
import PromptLibStorage

/// The people besides its owner who may write a prompt. Only the owner or an admin changes the list.
struct CollaboratorService: Sendable {
    let prompts: PromptService
    let collaborators: any CollaboratorRepository
    let users: any UserRepository
    let audit: AuditLog

    func list(promptID: String) async throws -> [CollaboratorRecord] {
        let prompt = try await prompts.find(id: promptID)
        return try await collaborators.list(promptID: prompt.id)
    }

    func add(promptID: String, username: String, context: AppRequestContext) async throws -> [CollaboratorRecord] {
        let (prompt, user) = try await resolve(promptID: promptID, username: username, context: context)
        guard user.role >= .user, user.status == .active else {
            throw APIError.validation("\(user.username) cannot write prompts (the viewer role or a disabled account)", field: "username")
        }
        try await collaborators.add(promptID: prompt.id, userID: user.id, addedBy: try context.requireIdentity().username, now: Date())
        try await audit.record("prompt.collaborator.added", context: context, targetType: "prompt", targetID: prompt.id,
                               details: ["username": user.username])
        return try await collaborators.list(promptID: prompt.id)
    }

    func remove(promptID: String, username: String, context: AppRequestContext) async throws {
        let (prompt, user) = try await resolve(promptID: promptID, username: username, context: context)
        guard try await collaborators.remove(promptID: prompt.id, userID: user.id) else {
            throw APIError.notFound("Collaborator \(user.username)")
        }
        try await audit.record("prompt.collaborator.removed", context: context, targetType: "prompt", targetID: prompt.id,
                               details: ["username": user.username])
    }

    private func resolve(promptID: String, username: String, context: AppRequestContext) async throws -> (PromptRecord, UserRecord) {
        let prompt = try await prompts.find(id: promptID)
        guard try context.requireIdentity().owns(prompt) else {
            throw APIError(.forbidden, .permissionDenied, "Only the prompt's owner or an admin may change its collaborators")
        }
        guard let user = try await users.find(login: username), user.username == username.lowercased() else {
            throw APIError.notFound("User \(username)")
        }
        return (prompt, user)
    }
}

/// A collaborator as the API shows it.
struct CollaboratorResponse: Encodable, Sendable {
    let username: String
    let addedBy: String
    let addedAt: Date

    enum CodingKeys: String, CodingKey { case username, addedBy = "added_by", addedAt = "added_at" }

    init(_ record: CollaboratorRecord) {
        username = record.username
        addedBy = record.addedBy
        addedAt = record.addedAt
    }
}
