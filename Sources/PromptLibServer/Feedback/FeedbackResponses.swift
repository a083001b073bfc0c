import Foundation
import Hummingbird
import PromptLibStorage

/// A rating as the API shows it.
struct RatingResponse: ResponseEncodable, Sendable {
    let username: String
    let version: Int
    let score: Int
    let note: String?
    let ratedAt: Date
    enum CodingKeys: String, CodingKey { case username, version, score, note, ratedAt = "rated_at" }

    init(_ record: RatingRecord) {
        username = record.username
        version = record.version
        score = record.score
        note = record.note
        ratedAt = record.ratedAt
    }
}

/// Every rating with summaries overall and per version.
struct RatingsResponse: ResponseEncodable, Sendable {
    let data: [RatingResponse]
    /// The list envelope every list has; the summaries cover every rating, not just this page.
    let page: ListResponse<RatingResponse>.PageInfo
    let summary: RatingSummary
    let byVersion: [String: RatingSummary]
    enum CodingKeys: String, CodingKey { case data, page, summary, byVersion = "by_version" }
}

/// A run as the API shows it.
struct RunResponse: ResponseEncodable, Sendable {
    let version: Int
    let provider: String?
    let model: String?
    let success: Bool
    let latencyMs: Int?
    let inputTokens: Int?
    let outputTokens: Int?
    let note: String?
    let recordedBy: String
    let recordedAt: Date
    enum CodingKeys: String, CodingKey {
        case version, provider, model, success, note
        case latencyMs = "latency_ms", inputTokens = "input_tokens", outputTokens = "output_tokens"
        case recordedBy = "recorded_by", recordedAt = "recorded_at"
    }

    init(_ run: RunRecord) {
        version = run.version
        provider = run.provider
        model = run.model
        success = run.success
        latencyMs = run.latencyMs
        inputTokens = run.inputTokens
        outputTokens = run.outputTokens
        note = run.note
        recordedBy = run.recordedBy
        recordedAt = run.recordedAt
    }
}

/// A page of runs with aggregates over all of them.
struct RunsResponse: ResponseEncodable, Sendable {
    let data: [RunResponse]
    let page: ListResponse<RunResponse>.PageInfo
    let summary: RunSummary
    let byVersion: [String: RunSummary]
    enum CodingKeys: String, CodingKey { case data, page, summary, byVersion = "by_version" }
}
