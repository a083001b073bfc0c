import ArgumentParser
import PromptLibServer

/// `promptlib migrate`: apply pending migrations and exit.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations and exit.")

    func run() async throws {
        let configuration = Startup.configuration()
        let logger = Startup.bootstrapLogging(configuration)
        let store = try await StoreFactory.open(configuration, logger: logger)
        do {
            try await StoreFactory.migrate(store, logger: logger)
            await store.close()
            logger.info("database is up to date", metadata: ["database": "\(configuration.databaseDescription)"])
        } catch {
            await store.close()
            logger.critical("migration failed", metadata: ["error": "\(error)"])
            throw ExitCode.failure
        }
    }
}
