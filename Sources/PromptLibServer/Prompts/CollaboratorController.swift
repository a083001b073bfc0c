import Hummingbird
import PromptLibStorage

/// `/api/v1/prompts/{id}/collaborators/…`: who besides the owner may write a prompt.
struct CollaboratorController {
    let collaborators: CollaboratorService

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(":id/collaborators") { request, context -> ListResponse<CollaboratorResponse> in
            let query = try ListQuery(request)
            let list = try await collaborators.list(promptID: try context.parameters.require("id"))
            return ListResponse(try InMemoryPage.page(list, query, key: \.userID), limit: query.limit, map: CollaboratorResponse.init)
        }
        group.put(":id/collaborators/:username") { _, context -> ListResponse<CollaboratorResponse> in
            let list = try await collaborators.add(
                promptID: try context.parameters.require("id"), username: try context.parameters.require("username"), context: context
            )
            return ListResponse(Page(items: list, nextCursor: nil), limit: list.count, map: CollaboratorResponse.init)
        }
        group.delete(":id/collaborators/:username") { _, context -> HTTPResponse.Status in
            try await collaborators.remove(
                promptID: try context.parameters.require("id"), username: try context.parameters.require("username"), context: context
            )
            return .noContent
        }
    }
}
