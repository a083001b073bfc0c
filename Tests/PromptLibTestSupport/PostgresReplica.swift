import Foundation
import PromptLibStorage

/// The streaming read replica `scripts/test.sh` starts beside the throwaway PostgreSQL
/// (`pg_replica_start` in `scripts/postgres.sh`), which tests may stop and start again.
public struct PostgresReplica: Sendable {
    /// The replica's maintenance database URL.
    public let url: PostgresURL
    private let data: String
    private let port: String

    /// The replica of this run; nil when `PROMPTLIB_TEST_POSTGRES_REPLICA_URL` is not set.
    public static var configured: PostgresReplica? {
        let env = ProcessInfo.processInfo.environment
        guard let text = env["PROMPTLIB_TEST_POSTGRES_REPLICA_URL"], !text.isEmpty, let url = try? PostgresURL(text),
              let data = env["PG_REPLICA_DATA"], let port = env["PG_REPLICA_PORT"] else { return nil }
        return PostgresReplica(url: url, data: data, port: port)
    }

    /// The replica's copy of the test's database (every database of the primary is replicated).
    public func url(for database: TestDatabase) -> PostgresURL? {
        guard let name = database.postgresName else { return nil }
        var url = url
        url.database = name
        return url
    }

    /// Stops the replica (a fast shutdown: its connections are cut at once).
    public func stop() throws { try control("pg_replica_server_stop") }

    /// Starts it again on the same data and port; it catches up from the primary.
    public func start() throws { try control("pg_replica_server_start") }

    /// Runs `function` of scripts/postgres.sh; a server it starts inherits no descriptor of ours
    /// (``ChildProcess``), so it holds none of the test's sockets open.
    private func control(_ function: String) throws {
        let process = try ChildProcess("/bin/bash", arguments: ["-c", "source scripts/postgres.sh && \(function)"],
                                       environment: ["PG_REPLICA_DATA": data, "PG_REPLICA_PORT": port])
        let status = process.wait()
        guard status == 0 else { throw TestSetupError("\(function) failed with status \(status)") }
    }
}
