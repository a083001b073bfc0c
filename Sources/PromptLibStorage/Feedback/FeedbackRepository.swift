public import Foundation
import SQLKit

/// One user's rating of one version.
public struct RatingRecord: Sendable, Equatable {
    public var username: String
    public var version: Int
    public var score: Int
    public var note: String?
    public var ratedAt: Date

    public init(username: String, version: Int, score: Int, note: String?, ratedAt: Date) {
        self.username = username
        self.version = version
        self.score = score
        self.note = note
        self.ratedAt = ratedAt
    }
}

/// A recorded use of a version by an application or a person.
public struct RunRecord: Sendable, Equatable {
    public var id: Int64?
    public var promptID: String
    public var version: Int
    public var provider: String?
    public var model: String?
    public var success: Bool
    public var latencyMs: Int?
    public var inputTokens: Int?
    public var outputTokens: Int?
    public var note: String?
    public var recordedBy: String
    public var recordedAt: Date

    public init(promptID: String, version: Int, provider: String?, model: String?, success: Bool, latencyMs: Int?,
                inputTokens: Int?, outputTokens: Int?, note: String?, recordedBy: String, recordedAt: Date) {
        self.promptID = promptID
        self.version = version
        self.provider = provider
        self.model = model
        self.success = success
        self.latencyMs = latencyMs
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.note = note
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// Ratings and run logs of prompts.
public protocol FeedbackRepository: Sendable {
    /// Sets the user's rating of a version, replacing an earlier one; `false` when the version does not exist.
    func rate(promptID: String, userID: String, version: Int, score: Int, note: String?, now: Date) async throws -> Bool
    /// Every rating of the prompt, newest first.
    func ratings(promptID: String) async throws -> [RatingRecord]
    /// Stores a run; `false` when the version does not exist.
    func record(_ run: RunRecord) async throws -> Bool
    /// Runs of the prompt, newest first.
    func runs(promptID: String, limit: Int, cursor: String?) async throws -> Page<RunRecord>
    /// Every run's version, success and numbers, for aggregates.
    func runFigures(promptID: String) async throws -> [RunRecord]
}
