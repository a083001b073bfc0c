import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
@testable import PromptLibServer
import PromptLibTestSupport

/// Runs `body` against an app whose log lines go to a file, and returns what was logged.
func withLoggedApp(
    _ engine: TestEngine,
    configure: @Sendable (inout AppConfiguration) -> Void = { _ in },
    _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
) async throws -> String {
    try await withTestDatabase(engine) { database in
        let logPath = database.directory + "/captured.log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: logPath) else { throw TestSetupError("cannot open \(logPath)") }
        let sink = LogSink(handle: handle)
        let logger = Logger(label: "captured") { JSONLogHandler(label: $0, level: .trace, sink: sink) }
        var configuration = testConfiguration(database)
        configure(&configuration)
        let app = try await buildApplication(configuration: configuration, logger: logger)
        try await app.test(.router, body)
        try handle.close()
        return String(decoding: FileManager.default.contents(atPath: logPath) ?? Data(), as: UTF8.self)
    }
}
