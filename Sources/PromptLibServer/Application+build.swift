public import Hummingbird
public import Logging
import PromptLibStorage

/// Builds the application the binary serves and the tests exercise: opens and migrates the store,
/// then wires routes, middleware and background services.
public func buildApplication(configuration: AppConfiguration, logger: Logger) async throws -> some ApplicationProtocol {
    let store = try await StoreFactory.open(configuration, logger: logger)
    do {
        try await StoreFactory.migrate(store, logger: logger)
    } catch {
        await store.close()
        throw error
    }
    let router = buildRouter(configuration: configuration, store: store)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
        services: [StoreShutdownService(store: store)],
        logger: logger
    )
}

/// The router with every route and middleware; the OpenAPI test reads its route list.
func buildRouter(configuration: AppConfiguration, store: any SQLStore) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    // CORS sits outside the lifecycle middleware so that error responses carry its headers too:
    // a browser cannot read an error body without them.
    router.add(middleware: CORSMiddleware(
        allowOrigin: .custom(configuration.corsOrigin),
        allowHeaders: [.accept, .authorization, .contentType, .origin, .requestID, .ifMatch],
        allowMethods: [.get, .post, .put, .patch, .delete, .head, .options],
        exposedHeaders: ["X-Request-ID", "Location", "Retry-After"],
        maxAge: .seconds(600)
    ))
    router.add(middleware: RequestLifecycleMiddleware(maxBodyBytes: configuration.maxBodyBytes))
    let health = HealthService(
        store: store, storageDirectory: configuration.storageDirectory, startedAt: .now, databaseTimeout: .seconds(2)
    )
    HealthController(service: health).addRoutes(to: router)
    APIDocsController().addRoutes(to: router)
    let prompts = PromptService(repository: SQLPromptRepository(store: store))
    PromptController(service: prompts).addRoutes(to: router.group("/api/v1/prompts"))
    return router
}
