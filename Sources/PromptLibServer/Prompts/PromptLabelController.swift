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
        group.get(":id/labels") { request, context -> ListResponse<LabelResponse> in
            let query = try ListQuery(request)
            let all = try await labels.list(promptID: try context.parameters.require("id"))
            return ListResponse(try InMemoryPage.page(all, query, key: \.label), limit: query.limit) { LabelResponse(label: $0.label, version: $0.version) }
        }
        group.delete(":id/labels/:label") { _, context -> LabelMoveResponse in
            LabelMoveResponse(try await labels.remove(promptID: try context.parameters.require("id"), label: try context.parameters.require("label"), context: context))
        }
        // The router prefers the literal `history` over `:label`, so a label by that name would meet
        // the history route: refuse it plainly rather than with a 405.
        for word in LabelService.reserved {
            group.put(":id/labels/\(word)") { _, _ -> LabelMoveResponse in throw LabelService.reservedError(word) }
            group.delete(":id/labels/\(word)") { _, _ -> LabelMoveResponse in throw LabelService.reservedError(word) }
        }
        group.get(":id/labels/history") { request, context -> ListResponse<LabelMoveResponse> in
            let query = try ListQuery(request)
            let page = try await labels.history(promptID: try context.parameters.require("id"), limit: query.limit, cursor: query.cursor)
            return ListResponse(page, limit: query.limit, map: LabelMoveResponse.init)
        }
    }
}

/// A label and the version it points at.
struct LabelResponse: Encodable, Sendable {
    let label: String
    let version: Int
}
