import Hummingbird
import PromptLibCore

/// `GET /api/v1/models`: the model catalogue renders use (defaults, reasoning models, announced
/// end-of-life dates), for pickers such as the web UI's. `?provider=` narrows it to one provider;
/// `openai_responses` takes OpenAI's models.
struct ModelController {
    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/api/v1/models") { request, _ -> ListResponse<ModelInfo> in
            let query = try ListQuery(request)
            var models = ModelCatalogue.all
            if let provider = request.uri.formParameters["provider"].map(String.init) {
                guard let target = RenderTarget(rawValue: provider) else {
                    let names = RenderTarget.allCases.map(\.rawValue).joined(separator: ", ")
                    throw APIError.validation("provider must be one of \(names)", field: "provider")
                }
                models = models.filter { $0.provider == target.provider }
            }
            let page = try InMemoryPage.page(models, query) { "\($0.provider)/\($0.model)" }
            return ListResponse(page, limit: query.limit) { $0 }
        }
    }
}
