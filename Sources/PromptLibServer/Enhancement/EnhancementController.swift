import Foundation
import Hummingbird
import PromptLibCore

/// `POST /api/v1/prompts/{id}/enhancements` starts a job; `/api/v1/enhancements/{id}` shows it,
/// and takes answers, acceptance or rejection.
struct EnhancementController {
    let service: EnhancementService

    struct AnswersInput: Decodable, Sendable {
        let answers: [String: JSONValue]
    }

    struct AcceptInput: Decodable, Sendable {
        var commitMessage: String?
        /// The draft as the user edited it, instead of the draft as made.
        var document: PromptDocument?
        enum CodingKeys: String, CodingKey { case document, commitMessage = "commit_message" }
    }

    func addRoutes(prompts: RouterGroup<AppRequestContext>, root: RouterGroup<AppRequestContext>) {
        prompts.post(":id/enhancements") { request, context -> EditedResponse<EnhancementView> in
            let input = try await request.decodeJSONIfPresent(as: EnhancementService.Input.self, context: context) ?? .init()
            let job = try await service.create(promptID: try context.parameters.require("id"), input, context: context)
            return EditedResponse(status: .accepted, headers: [.location: "/api/v1/enhancements/\(job.id)"], response: EnhancementView(job, base: nil))
        }
        let group = root.group("/api/v1/enhancements")
        group.get(":id") { _, context -> EnhancementView in
            let job = try await service.owned(try context.parameters.require("id"), context: context)
            return EnhancementView(job, base: try? await service.prompts.version(of: job.promptID, number: job.baseVersion).document)
        }
        group.post(":id/answers") { request, context -> EditedResponse<EnhancementView> in
            let input = try await request.decodeJSON(as: AnswersInput.self, context: context)
            let job = try await service.answer(id: try context.parameters.require("id"), answers: input.answers, context: context)
            return EditedResponse(status: .accepted, response: EnhancementView(job, base: nil))
        }
        group.post(":id/accept") { request, context -> EditedResponse<EnhancementView> in
            let input = try await request.decodeJSONIfPresent(as: AcceptInput.self, context: context) ?? .init()
            if let message = input.commitMessage, message.unicodeScalars.count > 500 {
                throw APIError.validation("commit_message must be at most 500 characters", field: "commit_message")
            }
            let expected = try request.headers[.ifMatch].map(ETag.version)
            let (job, saved) = try await service.accept(id: try context.parameters.require("id"), commitMessage: input.commitMessage,
                                                        document: input.document, expectedVersion: expected, context: context)
            return EditedResponse(status: .ok, headers: [.eTag: ETag.make(saved.record.document.version)], response: EnhancementView(job, base: nil))
        }
        group.post(":id/reject") { _, context -> EnhancementView in
            EnhancementView(try await service.reject(id: try context.parameters.require("id"), context: context), base: nil)
        }
    }
}
