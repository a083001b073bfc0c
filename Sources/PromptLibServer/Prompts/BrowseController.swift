import Hummingbird
import PromptLibCore
import PromptLibStorage

/// `GET /api/v1/tags` and `GET /api/v1/folders`: what there is to browse among live prompts.
struct BrowseController {
    let repository: any PromptRepository

    struct TagCount: Encodable, Sendable { let tag: String; let count: Int }
    struct Tags: ResponseEncodable, Sendable { let data: [TagCount] }
    struct Folders: ResponseEncodable, Sendable { let data: [FolderNode] }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/api/v1/tags") { _, _ -> Tags in
            Tags(data: try await repository.tagCounts().map { TagCount(tag: $0.tag, count: $0.count) })
        }
        group.get("/api/v1/folders") { _, _ -> Folders in
            Folders(data: FolderNode.tree(of: try await repository.liveNames()))
        }
    }
}
