import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibStorage
import PromptLibTestSupport
import Testing

@Suite("Health")
struct HealthTests {
    @Test("reports healthy with a real database round trip", arguments: TestEngine.available)
    func healthy(engine: TestEngine) async throws {
        try await withTestApp(engine) { client in
            let response = try await client.get("/api/system/health")
            #expect(response.status == .ok)
            #expect(response.json["status"] as? String == "healthy")
            #expect(response.json["version"] as? String == PromptLibVersion.current)
            #expect(response.json["uptime_seconds"] is Int)
            let checks = try #require(response.json["checks"] as? [String: Any])
            let database = try #require(checks["database"] as? [String: Any])
            #expect(database["status"] as? String == "healthy")
            #expect(database["engine"] as? String == engine.rawValue)
            #expect(database["latency_ms"] is Double || database["latency_ms"] is Int)
            let storage = try #require(checks["storage"] as? [String: Any])
            #expect((storage["free_bytes"] as? Int ?? 0) > 0)
            let liveness = try await client.get("/api/health")
            #expect(liveness.json["status"] as? String == "ok")
        }
    }

    @Test("an unreachable database is 503 unhealthy, and API calls are 503 SERVICE_UNAVAILABLE, without hanging")
    func unreachableDatabase() async throws {
        // Nothing listens on port 1, so every connection attempt is refused.
        let url = try PostgresURL("postgresql://nobody:secret-password@127.0.0.1:1/none?sslmode=disable")
        let store = PostgresStore(url: url, poolSize: 2, operationTimeout: .seconds(1), logger: testLogger)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("promptlib-health-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var configuration = AppConfiguration(storageDirectory: directory)
        configuration.jwtSecret = String(repeating: "k", count: 32)
        configuration.encryptionKey = Data(repeating: 1, count: 32)
        let router = buildRouter(configuration: configuration, services: try await AppServices(configuration: configuration, store: store))
        let app = Application(router: router, services: [StoreShutdownService(store: store)], logger: testLogger)
        try await app.test(.router) { client in
            let start = ContinuousClock.now
            let health = try await client.get("/api/system/health")
            #expect(ContinuousClock.now - start < .seconds(4))
            #expect(health.status == .serviceUnavailable)
            #expect(health.json["status"] as? String == "unhealthy")
            let body = String(buffer: health.body)
            #expect(!body.contains("secret-password") && !body.contains("nobody"))

            // Signing in needs the database: it answers 503 at once rather than hanging.
            let list = try await client.send(.post, "/api/v1/auth/login", json: #"{"login":"admin","password":"whatever-it-is"}"#)
            #expect(list.status == .serviceUnavailable)
            #expect(list.errorCode == "SERVICE_UNAVAILABLE")
            #expect(list.headers[.retryAfter] != nil)
            #expect(!String(buffer: list.body).contains("secret-password"))
            #expect(try await client.get("/api/health").status == .ok, "liveness does not depend on the database")
        }
    }
}
