import Foundation
import Logging
import PromptLibServer

/// Shared start-up steps: read the environment, and route logs to JSON lines.
enum Startup {
    /// Reads the configuration or exits with one line naming the variable at fault.
    static func configuration() -> AppConfiguration {
        do {
            return try AppConfiguration(environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            // 78 is EX_CONFIG: supervisors can tell a bad configuration from a crash.
            exit(78)
        }
    }

    /// Sends every log record to standard output (and `LOGS_DIR`) as JSON, at the configured level.
    static func bootstrapLogging(_ configuration: AppConfiguration, level: Logger.Level? = nil) -> Logger {
        let level = level ?? configuration.logLevel
        let sink: LogSink
        do {
            sink = try LogSink.make(logsDirectory: configuration.logsDirectory)
        } catch {
            let reason = (error as NSError).localizedDescription
            FileHandle.standardError.write(Data("configuration error: LOGS_DIR cannot be written (\(reason))\n".utf8))
            exit(78)
        }
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level, sink: sink) }
        return Logger(label: "promptlib")
    }
}
