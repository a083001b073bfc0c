public import Hummingbird
public import Logging
import PromptLibStorage
import ServiceLifecycle

/// Builds the application the binary serves and the tests exercise: its parts
/// (``ApplicationParts``), then routes and middleware.
public func buildApplication(configuration: AppConfiguration, logger: Logger) async throws -> some ApplicationProtocol {
    buildApplication(parts: try await ApplicationParts.assemble(configuration: configuration, logger: logger), logger: logger)
}

/// The application over parts already assembled (tests reach into them).
func buildApplication(parts: ApplicationParts, logger: Logger) -> some ApplicationProtocol {
    let configuration = parts.configuration
    var services: [any Service] = [StoreShutdownService(store: parts.store)]
    if parts.shared.redis != nil { services.append(RedisShutdownService(shared: parts.shared)) }
    services.append(EnhancementResumer(service: parts.services.enhancements))
    services.append(RealtimeService(hub: parts.services.realtime, events: parts.services.events))
    services.append(parts.services.webhookWorker)
    let limits = parts.configuration.realtime
    return Application(
        router: buildRouter(configuration: parts.configuration, services: parts.services),
        server: RealtimeServerChannel.builder(webSocketRouter: realtimeController(parts.services).webSocketRouter(), limits: limits),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
        services: services,
        logger: logger
    )
}

/// The router with every route and middleware; the OpenAPI and permission tests read its route list.
func buildRouter(configuration: AppConfiguration, services: AppServices) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    // CORS sits outside the lifecycle middleware so that error responses carry its headers too:
    // a browser cannot read an error body without them.
    router.add(middleware: CORSMiddleware(
        allowOrigin: .custom(configuration.corsOrigin),
        allowHeaders: [.accept, .authorization, .contentType, .origin, .requestID, .ifMatch],
        allowMethods: [.get, .post, .put, .patch, .delete, .head, .options],
        exposedHeaders: ["X-Request-ID", "Location", "Retry-After", "ETag", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"],
        maxAge: .seconds(600)
    ))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: RequestLifecycleMiddleware(maxBodyBytes: configuration.maxBodyBytes, importMaxBytes: configuration.importMaxBytes, trustedProxies: configuration.trustedProxies))
    router.add(middleware: AuthenticationMiddleware(auth: services.auth, limiter: services.limiter, limits: configuration.limits, counters: services.counters))
    router.add(middleware: RateLimitMiddleware(limiter: services.limiter, limits: configuration.limits))
    if let writers = services.recentWriters { router.add(middleware: ReadYourWritesMiddleware(writers: writers)) }
    // Every route is added inside this group, so the permission check runs after routing and
    // knows which route matched.
    let routes = router.group().add(middleware: PermissionMiddleware())
    HealthController(service: services.health).addRoutes(to: routes)
    APIDocsController().addRoutes(to: routes)
    WebController(assets: .embedded).addRoutes(to: routes)
    let cookie = RefreshCookie(secure: configuration.frontendURL.lowercased().hasPrefix("https:"), maxAge: Int(services.auth.tokens.refreshTTL.components.seconds))
    AuthController(auth: services.auth, users: services.users, cookie: cookie).addRoutes(to: routes.group("/api/v1/auth"))
    UserController(users: services.users, repository: services.userRepository).addRoutes(to: routes.group("/api/v1/users"))
    AuditController(repository: services.auditRepository).addRoutes(to: routes.group("/api/v1/audit-events"))
    APIKeyController(service: services.apiKeys).addRoutes(to: routes.group("/api/v1/api-keys"))
    ConnectionController(service: services.connections, probe: ConnectionProbe(connections: services.connections, gateway: services.gateway))
        .addRoutes(to: routes.group("/api/v1/connections"))
    let prompts = routes.group("/api/v1/prompts")
    PromptCheckController(service: services.prompts).addRoutes(to: prompts)
    PromptController(service: services.prompts, bodies: EncodedBodyCache()).addRoutes(to: prompts)
    PromptLabelController(labels: services.labels).addRoutes(to: prompts)
    CollaboratorController(collaborators: services.collaborators).addRoutes(to: prompts)
    FeedbackController(service: services.feedback).addRoutes(to: prompts)
    RenderController(service: RenderService(prompts: services.prompts)).addRoutes(to: prompts)
    PromptRunController(service: services.runs).addRoutes(to: prompts)
    EnhancementController(service: services.enhancements).addRoutes(prompts: prompts, root: routes)
    ShareController(service: services.shares).addRoutes(prompts: prompts, root: routes)
    BrowseController(repository: services.promptRepository).addRoutes(to: routes)
    StatsController(store: services.store).addRoutes(to: routes)
    ModelController().addRoutes(to: routes)
    ExchangeController(exports: services.exports, imports: services.imports).addRoutes(to: routes)
    realtimeController(services).addRoutes(to: routes.group("/api/v1/ws"))
    WebhookController(service: services.webhooks).addRoutes(to: routes.group("/api/v1/webhooks"))
    return router
}

private func realtimeController(_ services: AppServices) -> RealtimeController {
    RealtimeController(tickets: services.tickets, auth: services.auth, hub: services.realtime)
}
