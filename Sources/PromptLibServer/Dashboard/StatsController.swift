import Foundation
import Hummingbird
import PromptLibStorage

/// `GET /api/v1/stats`: the dashboard's counts — live prompts, versions written in the last seven
/// days, ratings, accounts active in the last seven days, and the five best-rated prompts.
struct StatsController {
    let store: any SQLStore

    struct StatsResponse: ResponseEncodable, Sendable {
        let prompts: Int
        let versionsThisWeek: Int
        let ratings: Int
        let activeUsers: Int
        let topRated: [Rated]
        enum CodingKeys: String, CodingKey {
            case prompts, ratings, versionsThisWeek = "versions_this_week", activeUsers = "active_users", topRated = "top_rated"
        }
    }

    struct Rated: Encodable, Sendable {
        let id: String
        let name: String
        let title: String
        let average: Double
        let count: Int
    }

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/api/v1/stats") { _, _ -> StatsResponse in
            async let counted = LibraryStats.count(on: store, since: Date().addingTimeInterval(-7 * 86_400))
            async let rated = TopRatedPrompt.list(on: store, limit: 5)
            let (stats, top) = try await (counted, rated)
            return StatsResponse(
                prompts: stats.prompts, versionsThisWeek: stats.versionsInWindow, ratings: stats.ratings, activeUsers: stats.activeUsers,
                topRated: top.map { Rated(id: $0.id, name: $0.name, title: $0.title, average: $0.average, count: $0.count) }
            )
        }
    }
}
