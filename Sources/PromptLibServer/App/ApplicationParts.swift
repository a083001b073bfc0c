import Logging
import PromptLibStorage

/// What an application is made of, before routes are wired: its store, what it shares with other
/// replicas, and its services.
struct ApplicationParts: Sendable {
    let configuration: AppConfiguration
    let store: any SQLStore
    let shared: SharedState
    let services: AppServices

    /// Opens and migrates the store, creates the first admin on an empty database, and builds the
    /// services; on failure closes what it opened.
    static func assemble(configuration: AppConfiguration, logger: Logger) async throws -> ApplicationParts {
        var configuration = configuration
        try configuration.resolveDevelopmentSecrets()
        let store = try await StoreFactory.open(configuration, readReplica: true, logger: logger)
        let shared = SharedState.make(configuration, logger: logger)
        do {
            try await StoreFactory.migrate(store, logger: logger)
            let services = try await AppServices(configuration: configuration, store: store, shared: shared)
            try await services.users.bootstrapAdmin(password: configuration.adminPassword, logger: logger)
            return ApplicationParts(configuration: configuration, store: store, shared: shared, services: services)
        } catch {
            await store.close()
            await shared.close()
            throw error
        }
    }

    /// Closes the store and the Redis connections (the server's shutdown services do this for it).
    func close() async {
        await shared.close()
        await store.close()
    }
}
