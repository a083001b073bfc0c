import Hummingbird
import PromptLibStorage

/// `/api/v1/prompts/{id}/labels/…`: releases, rollbacks and their history.
struct PromptLabelController {
    let labels: LabelService

    struct MoveInput: Decodable { let version: Int }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.put(":id/labels/:label") { request, context -> LabelMoveResponse in
            let input = try await request.decodeJSON(as: MoveInput.self, context: context)
            let move = try await labels.move(
                promptID: try context.parameters.require("id"), label: try context.parameters.require("label"), to: input.version, context: context
            )
            return LabelMoveResponse(move)
        }
        group.get(":id/labels/history") { request, context -> ListResponse<LabelMoveResponse> in
            let query = try ListQuery(request)
            let page = try await labels.history(promptID: try context.parameters.require("id"), limit: query.limit, cursor: query.cursor)
            return ListResponse(page, limit: query.limit, map: LabelMoveResponse.init)
        }
    }
}
