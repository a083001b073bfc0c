import Foundation
import Hummingbird
import PromptLibCore
import PromptLibStorage

/// `/api/v1/prompts/{id}/shares` (make, list, revoke links) and the public `/api/v1/shared/{token}`.
struct ShareController {
    let service: ShareService

    func addRoutes(prompts: RouterGroup<AppRequestContext>, root: RouterGroup<AppRequestContext>) {
        prompts.post(":id/shares") { request, context -> EditedResponse<ShareResponse> in
            let input = try await request.decodeJSON(as: ShareService.Input.self, context: context)
            let (share, token, url) = try await service.create(promptID: try context.parameters.require("id"), input, context: context)
            return EditedResponse(status: .created, response: ShareResponse(share: share, token: token, url: url))
        }
        prompts.get(":id/shares") { request, context -> ListResponse<ShareResponse> in
            let query = try ListQuery(request)
            let shares = try await service.list(promptID: try context.parameters.require("id"), context: context)
            return ListResponse(try InMemoryPage.page(shares, query, key: \.id), limit: query.limit) { ShareResponse(share: $0) }
        }
        prompts.delete(":id/shares/:share") { _, context -> Response in
            try await service.revoke(promptID: try context.parameters.require("id"), shareID: try context.parameters.require("share"), context: context)
            return Response(status: .noContent)
        }
        root.get("/api/v1/shared/:token") { request, context -> Response in
            let (document, share) = try await service.view(token: try context.parameters.require("token"), password: request.headers[.sharePassword])
            var response: Response
            if try request.wantsYAML() {
                response = Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                                    body: .init(byteBuffer: ByteBuffer(string: try PromptYAML.encode(document))))
            } else {
                response = try SharedPromptResponse(document: document, share: share).response(from: request, context: context)
            }
            // A link's answer is for whoever holds it: no shared cache may keep it.
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }
}
