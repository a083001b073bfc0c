import Foundation
import Logging
import Metrics
import PromptLibStorage

/// Every service of the application, built once from the configuration and the store.
struct AppServices: Sendable {
    let store: any SQLStore
    let userRepository: any UserRepository
    let auditRepository: any AuditRepository
    let limiter: any RateLimiter
    let health: HealthService
    let auth: AuthService
    let apiKeys: APIKeyService
    let users: UserService
    let prompts: PromptService
    let promptRepository: any PromptRepository
    /// What applications' fetches read first (``PromptCache``): in process, or in Redis.
    let cache: any PromptCache
    /// With a read replica, who wrote a moment ago (``ReadYourWritesMiddleware``); nil without one.
    let recentWriters: (any RecentWriters)?
    /// Prompt and label events, heard by every replica (``EventBus``).
    let events: any EventBus<PromptEvent>
    /// The counters read once per request, with Redis.
    let counters: RedisSharedCounters?
    let collaborators: CollaboratorService
    let labels: LabelService
    let feedback: FeedbackService
    let connections: ConnectionService
    /// Calls to model providers, with this replica's circuit breakers.
    let gateway: ProviderGateway
    let runs: PromptRunService
    let enhancements: EnhancementService
    let keyRotation: KeyRotation
    let exports: ExportService
    let shares: ShareService
    let imports: ImportService
    /// This replica's WebSocket connections and their rooms.
    let realtime: RealtimeHub
    let tickets: any TicketStore
    let webhooks: WebhookService
    /// Sends queued webhook deliveries; run by the server (the command line only queues them).
    let webhookWorker: WebhookWorker

    init(configuration: AppConfiguration, store: any SQLStore, shared: SharedState = .local()) async throws {
        let (limiter, cache, identityGeneration) = (shared.limiter, shared.cache, shared.identityGeneration)
        guard let secret = configuration.jwtSecret else {
            throw ConfigurationError(variable: "JWT_SECRET", message: "is required")
        }
        guard let encryptionKey = configuration.encryptionKey else {
            throw ConfigurationError(variable: "ENCRYPTION_KEY", message: "is required")
        }
        self.store = store
        self.limiter = limiter
        // Changes that take access away are counted, so cached identities never outlive them.
        userRepository = SignallingUserRepository(base: SQLUserRepository(store: store), generation: identityGeneration)
        auditRepository = SQLAuditRepository(store: store)
        let sessions = SignallingSessionRepository(base: SQLSessionRepository(store: store), generation: identityGeneration)
        let audit = AuditLog(repository: auditRepository)
        let hasher = PasswordHasher(cost: configuration.bcryptCost)
        let tokens = await TokenService(secret: secret, accessTTL: configuration.accessTokenTTL, refreshTTL: configuration.refreshTokenTTL)
        gateway = ProviderGateway(policy: configuration.providers, metrics: ProviderMetrics(factory: configuration.metricsFactory ?? MetricsSystem.factory))
        health = HealthService(store: store, storageDirectory: configuration.storageDirectory, startedAt: .now, databaseTimeout: .seconds(2),
                               cache: cache, cacheBackend: configuration.promptCacheTTLSeconds == 0 ? "off" : configuration.redis == nil ? "in-process" : "redis",
                               breakers: gateway.breakers)
        let apiKeyRepository = SignallingAPIKeyRepository(base: SQLAPIKeyRepository(store: store), generation: identityGeneration)
        apiKeys = APIKeyService(keys: apiKeyRepository, audit: audit)
        auth = AuthService(users: userRepository, sessions: sessions, apiKeys: apiKeyRepository, tokens: tokens, hasher: hasher, limiter: limiter,
                           limits: configuration.limits, audit: audit,
                           identities: IdentityCache(), generation: identityGeneration)
        users = UserService(users: userRepository, sessions: sessions, apiKeys: apiKeyRepository, hasher: hasher, audit: audit)
        let collaboratorRepository = SQLCollaboratorRepository(store: store)
        self.cache = cache
        let cipher = CredentialCipher(current: encryptionKey, previous: configuration.previousEncryptionKeys)
        let webhookRepository = SQLWebhookRepository(store: store)
        let worker = WebhookWorker(webhooks: webhookRepository, sender: WebhookSender(policy: configuration.webhooks), cipher: cipher,
                                   logger: Logger(label: "promptlib.webhooks"))
        webhookWorker = worker
        webhooks = WebhookService(webhooks: webhookRepository, cipher: cipher, policy: configuration.webhooks, audit: audit, wake: { worker.wake() })
        // Every prompt event is queued for the webhooks that want it before it is published.
        events = WebhookQueueingBus(inner: shared.events, queue: WebhookQueue(
            webhooks: webhookRepository, prompts: SQLPromptRepository(store: store), users: userRepository,
            logger: Logger(label: "promptlib.webhooks"), wake: { worker.wake() }))
        counters = shared.counters
        recentWriters = (store as? ReplicatedStore).map { shared.recentWriters(window: $0.window) }
        promptRepository = CachingPromptRepository(base: SQLPromptRepository(store: store), cache: cache)
        prompts = PromptService(repository: promptRepository, collaborators: collaboratorRepository, users: userRepository, audit: audit, events: events)
        let labelRepository = CachingLabelRepository(base: SQLLabelRepository(store: store), cache: cache)
        labels = LabelService(prompts: prompts, labels: labelRepository, collaborators: collaboratorRepository, audit: audit, events: events)
        let feedbackRepository = SQLFeedbackRepository(store: store)
        feedback = FeedbackService(prompts: prompts, feedback: feedbackRepository, events: events)
        let connectionRepository = SQLConnectionRepository(store: store)
        connections = ConnectionService(connections: connectionRepository, cipher: cipher, audit: audit)
        runs = PromptRunService(render: RenderService(prompts: prompts), connections: connections, gateway: gateway, feedback: feedbackRepository)
        enhancements = EnhancementService(jobs: SQLEnhancementRepository(store: store), prompts: prompts, connections: connections,
                                          connectionRepository: connectionRepository, enhancer: ModelEnhancer(prompts: prompts, gateway: gateway),
                                          logger: Logger(label: "promptlib.enhancement"), signals: shared.signals)
        keyRotation = KeyRotation(connections: connectionRepository, webhooks: webhookRepository, cipher: cipher)
        collaborators = CollaboratorService(prompts: prompts, collaborators: collaboratorRepository, users: userRepository, audit: audit)
        exports = ExportService(repository: promptRepository, audit: audit)
        shares = ShareService(prompts: prompts, shares: SQLShareRepository(store: store), collaborators: collaboratorRepository, users: userRepository, hasher: hasher,
                              limiter: limiter, audit: audit, baseURL: configuration.frontendURL)
        realtime = RealtimeHub(limits: configuration.realtime, auth: auth, prompts: prompts, signals: shared.signals)
        tickets = shared.tickets
        imports = ImportService(repository: promptRepository, collaborators: collaboratorRepository, audit: audit, events: events,
                                limits: configuration.importLimits)
    }
}
