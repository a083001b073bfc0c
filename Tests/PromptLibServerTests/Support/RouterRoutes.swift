import Foundation
@testable import PromptLibServer
import PromptLibStorage
import PromptLibTestSupport

/// Every route the application's router serves, as `METHOD /path/{param}`.
func servedRoutes() async throws -> [String] {
    let store = try await SQLiteStore.open(path: ":memory:", logger: testLogger)
    var configuration = AppConfiguration(storageDirectory: NSTemporaryDirectory())
    configuration.jwtSecret = String(repeating: "k", count: 32)
    configuration.encryptionKey = Data(repeating: 1, count: 32)
    let services: AppServices
    do {
        services = try await AppServices(configuration: configuration, store: store)
    } catch {
        await store.close()
        throw error
    }
    let router = buildRouter(configuration: configuration, services: services)
    await store.close()
    return router.routes.map { route in
        let path = route.path.description
        return "\(route.method.rawValue) \(path.hasPrefix("/") ? "" : "/")\(path)"
    }
}
