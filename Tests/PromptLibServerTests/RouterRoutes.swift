import Foundation
@testable import PromptLibServer
import PromptLibStorage
import PromptLibTestSupport

/// Every route the application's router serves, as `METHOD /path/{param}`.
func servedRoutes() async throws -> [String] {
    let store = try await SQLiteStore.open(path: ":memory:", logger: testLogger)
    var configuration = AppConfiguration(storageDirectory: NSTemporaryDirectory())
    configuration.jwtSecret = String(repeating: "k", count: 32)
    let router = buildRouter(configuration: configuration, services: try await AppServices(configuration: configuration, store: store))
    await store.close()
    return router.routes.map { route in
        let path = route.path.description
        return "\(route.method.rawValue) \(path.hasPrefix("/") ? "" : "/")\(path)"
    }
}
