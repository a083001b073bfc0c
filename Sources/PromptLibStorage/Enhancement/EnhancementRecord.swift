public import Foundation

/// An enhancement job as stored. `result` and `answers` are JSON the server reads and writes.
public struct EnhancementRecord: Sendable, Equatable {
    public var id: String
    public var promptID: String
    /// The version the job improves; accepting it writes a new version only if this is still the latest.
    public var baseVersion: Int
    public var userID: String
    public var connectionID: String?
    /// `builtin` or `model`.
    public var engine: String
    /// The goals, as a JSON array.
    public var goals: String
    public var targetProvider: String?
    /// `queued`, `analyzing`, `awaiting_answers`, `ready`, `accepted`, `rejected` or `failed`.
    public var status: String
    /// 0 to 100.
    public var progress: Int
    public var result: String?
    public var answers: String?
    public var error: String?
    public var acceptedVersion: Int?
    /// Times a replica took the job up (a restart mid-job takes it up again).
    public var attempts: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, promptID: String, baseVersion: Int, userID: String, connectionID: String?, engine: String, goals: String,
                targetProvider: String?, status: String, progress: Int, result: String? = nil, answers: String? = nil, error: String? = nil,
                acceptedVersion: Int? = nil, attempts: Int = 0, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.promptID = promptID
        self.baseVersion = baseVersion
        self.userID = userID
        self.connectionID = connectionID
        self.engine = engine
        self.goals = goals
        self.targetProvider = targetProvider
        self.status = status
        self.progress = progress
        self.result = result
        self.answers = answers
        self.error = error
        self.acceptedVersion = acceptedVersion
        self.attempts = attempts
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Storage of enhancement jobs. Every change of state is conditional on the state it leaves, so
/// two replicas (or two clicks) can never both move a job on.
public protocol EnhancementRepository: Sendable {
    func create(_ job: EnhancementRecord) async throws
    func find(id: String) async throws -> EnhancementRecord?
    /// Writes `job` only if its stored status is one of `expected` (and, when given, its stored
    /// `attempts` is `attempts`: how a replica claims a job); returns whether it did.
    func update(_ job: EnhancementRecord, expecting expected: [String], attempts: Int?) async throws -> Bool
    /// Renews the lease of a job being worked: sets `updated_at` if it is still `analyzing` under
    /// the claim `attempts`; returns whether it was.
    func touch(id: String, attempts: Int, at: Date) async throws -> Bool
    /// Jobs in one of `statuses` not touched since `before`, oldest first: work a stopped replica left.
    func stale(statuses: [String], before: Date, limit: Int) async throws -> [EnhancementRecord]
}
