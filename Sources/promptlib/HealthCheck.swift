import ArgumentParser
import Foundation
import PromptLibServer

/// `promptlib healthcheck`: what container health checks call. Exit 0 when the running server's
/// `/api/system/health` answers 200 (healthy or degraded), 1 otherwise.
struct HealthCheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck", abstract: "Ask a running server whether it is healthy (exit 0) or not (exit 1)."
    )

    @Option(help: "Host of the server to ask.") var host = "127.0.0.1"
    @Option(help: "Port of the server to ask (default: PORT or 8000).") var port: Int?
    @Option(help: "Seconds to wait for an answer.") var timeout = 3

    func run() async throws {
        let port = port ?? ProcessInfo.processInfo.environment["PORT"].flatMap(Int.init) ?? 8000
        do {
            let (status, body) = try PlainHTTPClient.get(host: host, port: port, path: "/api/system/health", timeoutSeconds: timeout)
            print(body)
            if status != 200 { throw ExitCode.failure }
        } catch let error as PlainHTTPClient.Failure {
            FileHandle.standardError.write(Data("healthcheck: \(error.message)\n".utf8))
            throw ExitCode.failure
        }
    }
}
