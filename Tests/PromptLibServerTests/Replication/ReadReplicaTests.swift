import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibStorage
import PromptLibTestSupport
import Testing

/// `DATABASE_READ_URL` against a real streaming replica (`scripts/test.sh` starts one that replays
/// each commit 1.5 s late): lists and searches read from the replica, a client that wrote reads
/// from the primary, and the replica's outage costs no request.
@Suite("Read replica", .enabled(if: PostgresReplica.configured != nil), .timeLimit(.minutes(5)))
struct ReadReplicaTests {
    /// The version the search for `replica/greeter` lists, as `token` sees it.
    static func listedVersion(_ client: any TestClientProtocol, token: String) async throws -> Int? {
        let response = try await client.get("/api/v1/prompts?q=greeter", token: token)
        #expect(response.status == .ok)
        return ((response.json["data"] as? [[String: Any]])?.first { $0["name"] as? String == "replica/greeter" })?["version"] as? Int
    }

    /// Polls `condition` every 100 ms for up to `seconds` (beside the whole suite, the replica
    /// replays every test's writes, and may take a while to catch up).
    static func eventually(_ seconds: Int, _ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<(seconds * 10) {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    static func replicaStatus(_ client: any TestClientProtocol) async throws -> String? {
        let checks = try await client.get("/api/system/health").json["checks"] as? [String: Any]
        return (checks?["read_replica"] as? [String: Any])?["status"] as? String
    }

    @Test("reads go to the replica, a writer reads its own writes at once, and the replica's outage costs no request")
    func replica() async throws {
        let replica = try #require(PostgresReplica.configured)
        try await withTestDatabase(.postgres) { database in
            var configuration = testConfiguration(database)
            let replicaURL = try #require(replica.url(for: database))
            configuration.databaseReadReplica = replicaURL
            // Longer than the replica's lag in this test, even beside the whole suite's writes, so
            // the writer's reads stay on the primary and the replica is not set aside for lagging.
            configuration.readAfterWriteSeconds = 300
            let parts = try await ApplicationParts.assemble(configuration: configuration, logger: testLogger)
            let store = try #require(parts.store as? ReplicatedStore)
            try await Application(router: buildRouter(configuration: parts.configuration, services: parts.services), logger: testLogger).test(.router) { client in
                let admin = try await client.login("admin", testAdminPassword)
                _ = try await client.createUser("reader", role: "user", admin: admin)
                let reader = try await client.login("reader", "Another-good-passphrase-9")
                let id = try await client.createPrompt("replica/greeter", goal: "v1 {{who}}", token: admin)
                let inUse = try await Self.eventually(120) { try await Self.replicaStatus(client) == "healthy" }
                let health = String(buffer: try await client.get("/api/system/health").body)
                #expect(inUse, "the replica is in use: \(health)")
                // Until the replica has replayed the schema and the prompt, its reads fail over to
                // the primary; wait for it, asking the replica itself.
                let direct = PostgresStore(url: replicaURL, poolSize: 1, logger: testLogger)
                #expect(try await Self.eventually(120) {
                    let rows = try? await direct.withDatabase { try await $0.raw("SELECT 1 FROM prompts WHERE name = 'replica/greeter'").all() }
                    return rows?.count == 1
                }, "the replica replayed the prompt")
                await direct.close()
                #expect(try await Self.listedVersion(client, token: reader) == 1)

                // A write: the writer's search shows it at once (the primary); another client's
                // comes from the replica, which has not replayed it yet, and shows it later.
                #expect(try await client.putPrompt(id, json: promptJSON("replica/greeter", goal: "v2 {{who}}"), token: admin).status == .ok)
                #expect(try await Self.listedVersion(client, token: admin) == 2, "the writer reads its write")
                #expect(try await Self.listedVersion(client, token: reader) == 1, "the other client's search was answered by the replica")
                #expect(try await Self.eventually(120) { try await Self.listedVersion(client, token: reader) == 2 }, "the replica caught up")
                // A fetch fills the cache from the primary, whoever asks: a lagging replica is never cached.
                #expect(try await client.putPrompt(id, json: promptJSON("replica/greeter", goal: "v3 {{who}}"), token: admin).status == .ok)
                let fetched = try await client.get("/api/v1/prompts/by-name/replica%2Fgreeter?label=latest", token: reader)
                #expect((fetched.json["prompt"] as? [String: Any])?["goal"] as? String == "v3 {{who}}")

                // The replica stops: every read is answered (by the primary), health says degraded.
                try replica.stop()
                for _ in 0..<10 { #expect(try await Self.listedVersion(client, token: reader) == 3) }
                #expect(try await Self.replicaStatus(client) == "degraded")
                #expect(try await client.get("/api/system/health").json["status"] as? String == "degraded")
                #expect(!store.replicaState.usable)

                // Started again, it is taken back into use without a restart.
                try replica.start()
                #expect(try await Self.eventually(120) { try await Self.replicaStatus(client) == "healthy" }, "the replica is back in use")
                #expect(try await client.putPrompt(id, json: promptJSON("replica/greeter", goal: "v4 {{who}}"), token: admin).status == .ok)
                let written = ContinuousClock.now
                let listed = try await Self.listedVersion(client, token: reader)
                // The replica replays 1.5 s late: version 3 proves it answered. On a loaded machine
                // the read may come after it caught up — then no sooner than its delay.
                #expect(listed == 3 || (listed == 4 && ContinuousClock.now - written >= .milliseconds(1_400)), "the replica answers again")
                #expect(try await Self.eventually(120) { try await Self.listedVersion(client, token: reader) == 4 })
            }
            await parts.close()
        }
    }
}
