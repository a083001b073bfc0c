import Foundation
import Logging
import PromptLibCore
import PromptLibStorage

/// Enhancement jobs: started by a request, worked in the background by the replica that took
/// them (or, after a restart, by whichever replica takes them up), stored so every replica sees
/// them, and accepted as a new version only against the version they improved.
struct EnhancementService: Sendable {
    let jobs: any EnhancementRepository
    let prompts: PromptService
    let connections: ConnectionService
    let connectionRepository: any ConnectionRepository
    let enhancer: ModelEnhancer
    let logger: Logger
    /// The jobs this process works, their leases renewed while it does.
    let lease = JobLease()
    /// Where the requester hears of the job's progress in real time (its own user room only).
    var signals: (any EventBus<RealtimeSignal>)? = nil

    /// The body of `POST /api/v1/prompts/{id}/enhancements`.
    struct Input: Decodable, Sendable {
        var connectionID: String?
        var goals: [EnhancementGoal]?
        var targetProvider: String?

        enum CodingKeys: String, CodingKey { case goals, connectionID = "connection_id", targetProvider = "target_provider" }
    }

    /// Starts a job on the prompt's latest version.
    func create(promptID: String, _ input: Input, context: AppRequestContext) async throws -> EnhancementRecord {
        let identity = try context.requireIdentity()
        let prompt = try await prompts.find(id: promptID)
        if let goals = input.goals, goals.count > EnhancementGoal.allCases.count || Set(goals).count != goals.count {
            throw APIError.validation("goals must list each goal at most once", field: "goals")
        }
        if let target = input.targetProvider { _ = try RenderService.target(target, field: "target_provider") }
        if let connectionID = input.connectionID {
            _ = try await connections.usable(connectionID, context: context)
            // The enhancer's own prompt joins the library the first time an admin asks a model, so
            // that it can be read, edited and released like any other (names under system/ are
            // admins' alone: whoever owns it steers everyone's enhancements). Until then the
            // built-in text is used.
            if identity.role == .admin, (try? await prompts.resolve(name: EnhancerPrompts.name, version: nil, label: nil)) == nil {
                do {
                    _ = try await prompts.create(EnhancerPrompts.enhance, context: context)
                } catch let error as APIError where error.code == .alreadyExists {
                    // Another request wrote it first.
                }
            }
        }
        let now = Date()
        let goals = String(decoding: try JSONEncoder().encode(input.goals ?? []), as: UTF8.self)
        let job = EnhancementRecord(id: UUID().uuidString.lowercased(), promptID: prompt.id, baseVersion: prompt.document.version ?? 1,
                                    userID: identity.userID, connectionID: input.connectionID,
                                    engine: (input.connectionID == nil ? EnhancementEngine.builtin : .model).rawValue, goals: goals,
                                    targetProvider: input.targetProvider?.lowercased(), status: EnhancementStatus.queued.rawValue, progress: 0,
                                    createdAt: now, updatedAt: now)
        try await jobs.create(job)
        start(job.id)
        return job
    }

    /// A job its requester (or an admin) may see; anyone else gets a 404.
    func owned(_ id: String, context: AppRequestContext) async throws -> EnhancementRecord {
        let identity = try context.requireIdentity()
        guard id.utf8.count <= 64, let job = try await jobs.find(id: id), job.userID == identity.userID || identity.role == .admin else {
            throw APIError.notFound("Enhancement")
        }
        return job
    }

    /// Records answers and works them into a new draft.
    func answer(id: String, answers: [String: JSONValue], context: AppRequestContext) async throws -> EnhancementRecord {
        var job = try await owned(id, context: context)
        // Answers send the job back to its engine — for a model, on its requester's key: theirs alone.
        guard job.userID == (try context.requireIdentity()).userID else { throw APIError.notFound("Enhancement") }
        let status = EnhancementStatus(rawValue: job.status)
        guard status == .awaitingAnswers || status == .ready else {
            throw APIError(.conflict, .conflict, "The enhancement is \(job.status); answers are taken while it awaits answers or is ready")
        }
        let result = Self.result(of: job)
        let accepted: [String: JSONValue]
        do {
            accepted = try EnhancementQuestion.validate(answers, against: result.questions)
        } catch {
            throw ErrorTranslation.apiError(for: error)
        }
        let merged = Self.answers(of: job).merging(accepted) { _, new in new }
        job.answers = String(decoding: try JSONEncoder().encode(merged), as: UTF8.self)
        job.status = EnhancementStatus.queued.rawValue
        job.progress = 0
        // A new round of work: interruptions are counted afresh.
        job.attempts = 0
        job.updatedAt = Date()
        guard try await jobs.update(job, expecting: [EnhancementStatus.awaitingAnswers.rawValue, EnhancementStatus.ready.rawValue], attempts: nil) else {
            throw APIError(.conflict, .conflict, "The enhancement changed meanwhile; reload it")
        }
        start(job.id)
        return job
    }

    /// Writes the draft (or the caller's edit of it) as the prompt's next version, but only if the
    /// prompt is still at the version the job improved (or the one `If-Match` names).
    func accept(id: String, commitMessage: String?, document edited: PromptDocument?, expectedVersion: Int?,
                context: AppRequestContext) async throws -> (EnhancementRecord, PromptService.Saved) {
        var job = try await owned(id, context: context)
        guard job.status == EnhancementStatus.ready.rawValue, var draft = edited ?? Self.result(of: job).draft else {
            throw APIError(.conflict, .conflict, "The enhancement is \(job.status); only a ready draft can be accepted")
        }
        if let commitMessage { draft.commitMessage = commitMessage }
        // Taken first, so that two accepts cannot both write a version.
        let ready = job
        job.status = EnhancementStatus.accepted.rawValue
        job.updatedAt = Date()
        guard try await jobs.update(job, expecting: [EnhancementStatus.ready.rawValue], attempts: nil) else {
            throw APIError(.conflict, .conflict, "The enhancement changed meanwhile; reload it")
        }
        do {
            let saved = try await prompts.update(id: job.promptID, with: draft, expectedVersion: expectedVersion ?? job.baseVersion, context: context)
            job.acceptedVersion = saved.record.document.version
            _ = try await jobs.update(job, expecting: [EnhancementStatus.accepted.rawValue], attempts: nil)
            return (job, saved)
        } catch {
            var back = ready
            back.updatedAt = Date()
            _ = try? await jobs.update(back, expecting: [EnhancementStatus.accepted.rawValue], attempts: nil)
            throw error
        }
    }

    /// Closes a job that is not finished.
    func reject(id: String, context: AppRequestContext) async throws -> EnhancementRecord {
        var job = try await owned(id, context: context)
        let open = [EnhancementStatus.queued, .analyzing, .awaitingAnswers, .ready].map(\.rawValue)
        job.status = EnhancementStatus.rejected.rawValue
        job.updatedAt = Date()
        guard try await jobs.update(job, expecting: open, attempts: nil) else {
            throw APIError(.conflict, .conflict, "The enhancement is already finished")
        }
        return job
    }

    // MARK: Working a job

    /// Works a job in the background.
    func start(_ id: String) {
        Task { await process(id) }
    }

    /// Takes a queued (or abandoned) job, works it, and stores the outcome. A job another replica
    /// took meanwhile is left to it.
    func process(_ id: String) async {
        guard !lease.holds(id), var job = try? await jobs.find(id: id),
              [EnhancementStatus.queued.rawValue, EnhancementStatus.analyzing.rawValue].contains(job.status) else { return }
        let claimedFrom = job.attempts
        job.status = EnhancementStatus.analyzing.rawValue
        job.progress = 20
        job.attempts += 1
        job.updatedAt = Date()
        guard (try? await jobs.update(job, expecting: [EnhancementStatus.queued.rawValue, EnhancementStatus.analyzing.rawValue], attempts: claimedFrom)) == true else {
            return
        }
        let claimed = job
        await announce(job)
        _ = await lease.hold(id, attempts: job.attempts, in: jobs) { await work(claimed) }
    }

    /// Works a job this process has claimed, and stores the outcome under the claim.
    private func work(_ claimed: EnhancementRecord) async {
        var job = claimed
        let engine = EnhancementEngine(rawValue: job.engine) ?? .builtin
        var provider = "builtin"
        do {
            let base = try await prompts.version(of: job.promptID, number: job.baseVersion).document
            let answers = Self.answers(of: job)
            let goals = Self.goals(of: job)
            let result: EnhancementResult
            switch engine {
            case .builtin:
                let analysis = PromptAnalyzer.analyze(base, goals: Set(goals))
                let draft = DraftBuilder.build(base, analysis: analysis, answers: answers)
                result = EnhancementResult(task: analysis.task.rawValue, findings: analysis.findings, questions: analysis.questions,
                                           draft: draft.document, changes: draft.changes, warnings: draft.warnings, model: nil)
            case .model:
                guard let connectionID = job.connectionID, let record = try await connectionRepository.find(id: connectionID), record.userID == job.userID else {
                    throw ModelEnhancer.Refused(message: "the connection was deleted")
                }
                provider = record.provider
                let endpoint = try connections.endpoint(of: record)
                let previous = Self.result(of: job)
                var enhanced = try await enhancer.enhance(base: base, goals: goals, targetProvider: job.targetProvider, answers: answers, endpoint: endpoint)
                // The analyzer's reading stays useful beside a model's draft.
                let analysis = PromptAnalyzer.analyze(base, goals: Set(goals))
                (enhanced.task, enhanced.findings) = (analysis.task.rawValue, analysis.findings)
                if enhanced.questions.isEmpty && !answers.isEmpty { enhanced.questions = previous.questions }
                result = enhanced
            }
            job.result = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
            job.status = (result.needsAnswers(answers) ? EnhancementStatus.awaitingAnswers : .ready).rawValue
            job.error = nil
        } catch let error as ProviderError {
            job.status = EnhancementStatus.failed.rawValue
            job.error = error.apiError(provider: provider).message
        } catch let error as ModelEnhancer.Refused {
            job.status = EnhancementStatus.failed.rawValue
            job.error = error.message
        } catch let error as APIError {
            job.status = EnhancementStatus.failed.rawValue
            job.error = error.message
        } catch {
            logger.error("enhancement failed", metadata: ["job": .string(job.id), "error": .string(String(describing: type(of: error)))])
            job.status = EnhancementStatus.failed.rawValue
            job.error = "the enhancement failed on the server"
        }
        job.progress = 100
        job.updatedAt = Date()
        enhancer.gateway.metrics.enhancement(engine: engine.rawValue, provider: provider, outcome: job.status)
        // A job rejected meanwhile stays rejected.
        if (try? await jobs.update(job, expecting: [EnhancementStatus.analyzing.rawValue], attempts: job.attempts)) == true {
            await announce(job)
        }
    }

    /// Tells the job's requester, and no one else, where it stands: `enhancement.ready` once a
    /// draft or questions wait for them, `enhancement.progress` otherwise. Ids and status only;
    /// the draft is fetched with the requester's own credentials.
    private func announce(_ job: EnhancementRecord) async {
        let ready = [EnhancementStatus.ready.rawValue, EnhancementStatus.awaitingAnswers.rawValue].contains(job.status)
        await signals?.publish(.user(job.userID, [
            "type": .string(ready ? "enhancement.ready" : "enhancement.progress"), "enhancement_id": .string(job.id),
            "prompt_id": .string(job.promptID), "status": .string(job.status), "progress": .number(Double(job.progress)),
        ]))
    }

    static func result(of job: EnhancementRecord) -> EnhancementResult {
        job.result.flatMap { try? JSONDecoder().decode(EnhancementResult.self, from: Data($0.utf8)) } ?? .empty
    }

    static func goals(of job: EnhancementRecord) -> [EnhancementGoal] {
        (try? JSONDecoder().decode([EnhancementGoal].self, from: Data(job.goals.utf8))) ?? []
    }

    static func answers(of job: EnhancementRecord) -> [String: JSONValue] {
        job.answers.flatMap { try? JSONDecoder().decode([String: JSONValue].self, from: Data($0.utf8)) } ?? [:]
    }
}
