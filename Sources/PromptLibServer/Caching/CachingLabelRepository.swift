import Foundation
import PromptLibStorage

/// The label repository invalidating the ``PromptCache`` for every move and removal: a prompt's
/// cached record carries its labels, and `name@production` must follow a move at once.
struct CachingLabelRepository: LabelRepository {
    let base: any LabelRepository
    let cache: any PromptCache

    func move(promptID: String, label: String, to version: Int, by username: String, now: Date) async throws -> LabelMove? {
        try await cache.invalidating([promptID]) { try await base.move(promptID: promptID, label: label, to: version, by: username, now: now) }
    }

    func remove(promptID: String, label: String, by username: String, now: Date) async throws -> LabelMove? {
        try await cache.invalidating([promptID]) { try await base.remove(promptID: promptID, label: label, by: username, now: now) }
    }

    func labels(of promptIDs: [String]) async throws -> [String: [String: Int]] { try await base.labels(of: promptIDs) }
    func history(promptID: String, limit: Int, cursor: String?) async throws -> Page<LabelMove> {
        try await base.history(promptID: promptID, limit: limit, cursor: cursor)
    }
}
