import PromptLibStorage

/// Records audit events with the request's actor, IP address and user agent filled in.
struct AuditLog: Sendable {
    let repository: any AuditRepository

    /// Records `action`. The actor is `actor`, else the request's identity, else `actorName`;
    /// `context` is `nil` for actions from the command line.
    func record(
        _ action: String, context: AppRequestContext?, actor: Identity? = nil, actorName: String? = nil,
        targetType: String? = nil, targetID: String? = nil, details: [String: String] = [:]
    ) async throws {
        let who = actor ?? context?.identity
        try await repository.append(AuditEvent(
            action: action, actorID: who?.userID, actorName: who?.username ?? actorName, targetType: targetType,
            targetID: targetID, ip: context?.clientIP, userAgent: context?.userAgent, details: details
        ))
    }
}
