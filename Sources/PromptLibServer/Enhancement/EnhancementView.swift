import Foundation
import Hummingbird
import PromptLibCore
import PromptLibStorage

/// An enhancement job as the API shows it: its state, the analysis, the questions and answers,
/// the draft, and the draft's diff against the version it improves.
struct EnhancementView: ResponseEncodable, Sendable {
    let job: EnhancementRecord
    let result: EnhancementResult
    let answers: [String: JSONValue]
    let diff: PromptDiff?

    init(_ job: EnhancementRecord, base: PromptDocument?) {
        self.job = job
        result = EnhancementService.result(of: job)
        answers = EnhancementService.answers(of: job)
        if let base, var draft = result.draft {
            draft.version = job.baseVersion + 1
            diff = try? PromptDiff.compare(base, draft)
        } else {
            diff = nil
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, status, progress, engine, goals, task, findings, questions, answers, draft, changes, warnings, model, diff, error
        case promptID = "prompt_id", baseVersion = "base_version", connectionID = "connection_id", targetProvider = "target_provider"
        case acceptedVersion = "accepted_version", createdAt = "created_at", updatedAt = "updated_at"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(job.id, forKey: .id)
        try c.encode(job.promptID, forKey: .promptID)
        try c.encode(job.baseVersion, forKey: .baseVersion)
        try c.encode(job.status, forKey: .status)
        try c.encode(job.progress, forKey: .progress)
        try c.encode(job.engine, forKey: .engine)
        try c.encode(EnhancementService.goals(of: job), forKey: .goals)
        try c.encode(job.connectionID, forKey: .connectionID)
        try c.encode(job.targetProvider, forKey: .targetProvider)
        try c.encode(result.task, forKey: .task)
        try c.encode(result.findings, forKey: .findings)
        try c.encode(result.questions, forKey: .questions)
        try c.encode(answers, forKey: .answers)
        try c.encode(result.draft, forKey: .draft)
        try c.encode(result.changes, forKey: .changes)
        try c.encode(result.warnings, forKey: .warnings)
        try c.encode(result.model, forKey: .model)
        try c.encode(diff, forKey: .diff)
        try c.encode(job.error, forKey: .error)
        try c.encode(job.acceptedVersion, forKey: .acceptedVersion)
        try c.encode(job.createdAt, forKey: .createdAt)
        try c.encode(job.updatedAt, forKey: .updatedAt)
    }
}
