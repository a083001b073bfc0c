import ArgumentParser
import Foundation
import PromptLibServer

/// `promptlib serve`: migrate, then serve HTTP until SIGTERM or SIGINT.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start the HTTP server (applies pending migrations first).")

    func run() async throws {
        let configuration = Startup.configuration()
        let logger = Startup.bootstrapLogging(configuration)
        do {
            // buildApplication fills in development secrets; this only announces what starts.
            logger.info("starting PromptLib", metadata: [
                "version": "\(PromptLibVersion.current)", "mode": "\(configuration.mode.rawValue)",
                "database": "\(configuration.databaseDescription)",
                "address": "\(configuration.host):\(configuration.port)",
                "redis": "\(configuration.redis?.redacted ?? "none: cache and limits in process")",
                "read_replica": "\(configuration.databaseReadReplica.map { "\($0.host):\($0.port)/\($0.database)" } ?? "none")",
            ])
            let app = try await buildApplication(configuration: configuration, logger: logger)
            try await app.runService()
            logger.info("stopped")
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(78)
        } catch {
            logger.critical("start-up failed", metadata: ["error": "\(error)"])
            throw ExitCode.failure
        }
    }
}
