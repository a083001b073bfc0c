import Foundation
import Hummingbird
import PromptLibStorage

/// Ratings (one per user per version, updated in place) and run logs.
struct FeedbackService: Sendable {
    let prompts: PromptService
    let feedback: any FeedbackRepository
    let events: any EventBus<PromptEvent>

    struct RatingInput: Decodable { let score: Int; let note: String?; let version: Int? }

    struct RunInput: Decodable {
        let version: Int?
        let provider: String?
        let model: String?
        let success: Bool
        let latencyMs: Int?
        let inputTokens: Int?
        let outputTokens: Int?
        let note: String?
        enum CodingKeys: String, CodingKey {
            case version, provider, model, success, note
            case latencyMs = "latency_ms", inputTokens = "input_tokens", outputTokens = "output_tokens"
        }
    }

    func rate(promptID: String, _ input: RatingInput, context: AppRequestContext) async throws -> RatingResponse {
        let identity = try context.requireIdentity()
        guard (1...5).contains(input.score) else { throw APIError.validation("score must be 1 to 5", field: "score") }
        if let note = input.note, note.unicodeScalars.count > 2_000 { throw APIError.validation("note must be at most 2000 characters", field: "note") }
        let prompt = try await prompts.find(id: promptID)
        let version = input.version ?? prompt.document.version ?? 1
        guard (1...Self.maxVersion).contains(version) else { throw APIError(.notFound, .notFound, "Version \(version) was not found", field: "version") }
        guard try await feedback.rate(promptID: prompt.id, userID: identity.userID, version: version, score: input.score,
                                      note: input.note, now: Date()) else {
            throw APIError(.notFound, .notFound, "Version \(version) was not found", field: "version")
        }
        await events.publish(PromptEvent(.ratingUpdated, promptID: prompt.id, name: prompt.document.name, version: version, actorID: identity.userID))
        return RatingResponse(RatingRecord(username: identity.username, version: version, score: input.score, note: input.note, ratedAt: Date()))
    }

    func ratings(promptID: String, query: ListQuery) async throws -> RatingsResponse {
        let prompt = try await prompts.find(id: promptID)
        let all = try await feedback.ratings(promptID: prompt.id)
        let byVersion = Dictionary(grouping: all, by: \.version).reduce(into: [String: RatingSummary]()) {
            $0[String($1.key)] = RatingSummary($1.value.map(\.score))
        }
        let page = try InMemoryPage.page(all, query) { "\($0.version)/\($0.username)" }
        return RatingsResponse(data: page.items.map(RatingResponse.init), page: .init(nextCursor: page.nextCursor, limit: query.limit),
                               summary: RatingSummary(all.map(\.score)), byVersion: byVersion)
    }

    static let maxLatencyMs = 86_400_000
    static let maxTokens = 100_000_000
    static let maxVersion = 2_147_483_647

    func record(promptID: String, _ input: RunInput, context: AppRequestContext) async throws -> RunRecord {
        let identity = try context.requireIdentity()
        // Bounded so that sums stay far from overflow and every value fits PostgreSQL's INTEGER.
        for (field, value, limit) in [("latency_ms", input.latencyMs, Self.maxLatencyMs), ("input_tokens", input.inputTokens, Self.maxTokens),
                                      ("output_tokens", input.outputTokens, Self.maxTokens), ("version", input.version, Self.maxVersion)] {
            if let value, !(0...limit).contains(value) { throw APIError.validation("\(field) must be from 0 to \(limit)", field: field) }
        }
        for (field, value) in [("provider", input.provider), ("model", input.model)] {
            if let value, value.unicodeScalars.count > 200 { throw APIError.validation("\(field) must be at most 200 characters", field: field) }
        }
        if let note = input.note, note.unicodeScalars.count > 2_000 { throw APIError.validation("note must be at most 2000 characters", field: "note") }
        let prompt = try await prompts.find(id: promptID)
        let run = RunRecord(
            promptID: prompt.id, version: input.version ?? prompt.document.version ?? 1, provider: input.provider, model: input.model,
            success: input.success, latencyMs: input.latencyMs, inputTokens: input.inputTokens, outputTokens: input.outputTokens,
            note: input.note, recordedBy: identity.username, recordedAt: Date()
        )
        guard try await feedback.record(run) else {
            throw APIError(.notFound, .notFound, "Version \(run.version) was not found", field: "version")
        }
        return run
    }

    func runs(promptID: String, limit: Int, cursor: String?) async throws -> RunsResponse {
        let prompt = try await prompts.find(id: promptID)
        async let page = feedback.runs(promptID: prompt.id, limit: limit, cursor: cursor)
        async let figures = feedback.runFigures(promptID: prompt.id)
        let all = try await figures
        let byVersion = Dictionary(grouping: all, by: \.version).reduce(into: [String: RunSummary]()) { $0[String($1.key)] = RunSummary($1.value) }
        let list = ListResponse(try await page, limit: limit, map: RunResponse.init)
        return RunsResponse(data: list.data, page: list.page, summary: RunSummary(all), byVersion: byVersion)
    }
}
