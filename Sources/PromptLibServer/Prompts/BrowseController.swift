import Hummingbird
import PromptLibCore
import PromptLibStorage

/// `GET /api/v1/tags` and `GET /api/v1/folders`: what there is to browse among live prompts.
struct BrowseController {
    let repository: any PromptRepository

    struct TagCount: Encodable, Sendable { let tag: String; let count: Int }

    /// The folder tree: one tree, not a list, so it has no pages.
    struct Folders: ResponseEncodable, Sendable { let data: [FolderNode] }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/api/v1/tags") { request, _ -> ListResponse<TagCount> in
            let query = try ListQuery(request)
            let tags = try await repository.tagCounts().map { TagCount(tag: $0.tag, count: $0.count) }
            return ListResponse(try InMemoryPage.page(tags, query, key: \.tag), limit: query.limit) { $0 }
        }
        group.get("/api/v1/folders") { _, _ -> Folders in
            Folders(data: FolderNode.tree(of: try await repository.liveNames()))
        }
    }
}
