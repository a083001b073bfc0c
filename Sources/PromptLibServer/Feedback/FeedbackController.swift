import Hummingbird

/// `/api/v1/prompts/{id}/ratings` and `/api/v1/prompts/{id}/runs`.
struct FeedbackController {
    let service: FeedbackService

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.put(":id/ratings/mine") { request, context -> RatingResponse in
            let input = try await request.decodeJSON(as: FeedbackService.RatingInput.self, context: context)
            return try await service.rate(promptID: try context.parameters.require("id"), input, context: context)
        }
        group.get(":id/ratings") { request, context -> RatingsResponse in
            try await service.ratings(promptID: try context.parameters.require("id"), query: try ListQuery(request))
        }
        group.post(":id/runs") { request, context -> EditedResponse<RunResponse> in
            let input = try await request.decodeJSON(as: FeedbackService.RunInput.self, context: context)
            let run = try await service.record(promptID: try context.parameters.require("id"), input, context: context)
            return EditedResponse(status: .created, response: RunResponse(run))
        }
        group.get(":id/runs") { request, context -> RunsResponse in
            let query = try ListQuery(request)
            return try await service.runs(promptID: try context.parameters.require("id"), limit: query.limit, cursor: query.cursor)
        }
    }
}
