import Foundation
import Hummingbird
import HummingbirdTesting
import PromptLibRedis
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// The event bus: what is written through one replica is announced to every replica's
/// subscribers, once each and in order, through Redis; in one process without it.
@Suite("Events across replicas", .timeLimit(.minutes(2)))
struct SharedEventTests {
    private actor Heard {
        var events: [PromptEvent] = []
        func add(_ event: PromptEvent) { events.append(event) }
    }

    /// What `stream` delivers until `count` events arrived, and for a moment after, in which a
    /// duplicate would show.
    static func collect(_ stream: AsyncStream<PromptEvent>, count: Int) async throws -> [PromptEvent] {
        let heard = Heard()
        let reader = Task { for await event in stream { await heard.add(event) } }
        defer { reader.cancel() }
        for _ in 0..<100 where await heard.events.count < count { try await Task.sleep(for: .milliseconds(50)) }
        try await Task.sleep(for: .milliseconds(300))
        return await heard.events
    }

    /// Writes through `client`: a prompt, its second version, production moved and removed, an archive.
    static func writeHistory(_ client: any TestClientProtocol) async throws -> String {
        let token = try await client.login("admin", testAdminPassword)
        let id = try await client.createPrompt("events/greeter", goal: "v1 {{who}}", token: token)
        #expect(try await client.putPrompt(id, json: promptJSON("events/greeter", goal: "v2 {{who}}"), token: token).status == .ok)
        #expect(try await LabelTests.move(client, id, "production", to: 2, token: token).status == .ok)
        #expect(try await client.call(.delete, "/api/v1/prompts/\(id)/labels/production", token: token).status == .ok)
        #expect(try await client.call(.delete, "/api/v1/prompts/\(id)", token: token).status == .ok)
        return id
    }

    static func expectHistory(_ events: [PromptEvent], id: String, adminID: String?) {
        #expect(events.map(\.type) == [.versionCreated, .versionCreated, .labelMoved, .labelRemoved, .archived], "\(events.map(\.type))")
        guard events.count == 5 else { return }
        #expect(events.allSatisfy { $0.promptID == id && $0.name == "events/greeter" })
        #expect(events.map(\.version) == [1, 2, 2, 2, nil])
        #expect(events[2].label == "production" && events[2].fromVersion == nil && events[3].label == "production")
        #expect(events.allSatisfy { $0.actorID != nil && $0.actorID == adminID })
    }

    @Test("without Redis, a process's subscribers hear its writes")
    func inProcess() async throws {
        try await withTestDatabase(.sqlite) { database in
            let parts = try await ApplicationParts.assemble(configuration: testConfiguration(database), logger: testLogger)
            let stream = parts.shared.events.events()
            let adminID = try await parts.services.userRepository.find(login: "admin")?.id
            try await Application(router: buildRouter(configuration: parts.configuration, services: parts.services), logger: testLogger).test(.router) { client in
                let id = try await Self.writeHistory(client)
                Self.expectHistory(try await Self.collect(stream, count: 5), id: id, adminID: adminID)
            }
            await parts.close()
        }
    }

    @Test("through Redis, writes through one replica reach the other's subscribers and its own, once each, in order",
          .enabled(if: RedisTestServer.available))
    func acrossReplicas() async throws {
        try await withRedisServer { redis in
            try await withTestDatabase(.sqlite) { database in
                let configuration = try testConfiguration(database, redis: redis)
                let one = try await ApplicationParts.assemble(configuration: configuration, logger: testLogger)
                let two = try await ApplicationParts.assemble(configuration: configuration, logger: testLogger)
                let (heardByOne, heardByTwo) = (one.shared.events.events(), two.shared.events.events())
                // Both replicas subscribe in the background; publish once Redis counts them.
                let pool = RedisConnectionPool(configuration: try RedisConfiguration(url: redis.url), logger: testLogger)
                var subscribers = 0
                for _ in 0..<100 where subscribers < 2 {
                    let reply = try await pool.send(RESPCommand("PUBSUB", "NUMSUB", PromptEvent.channel)).array
                    subscribers = Int(reply?.last?.integer ?? 0)
                    if subscribers < 2 { try await Task.sleep(for: .milliseconds(50)) }
                }
                await pool.close()
                #expect(subscribers == 2)
                let adminID = try await one.services.userRepository.find(login: "admin")?.id
                try await Application(router: buildRouter(configuration: one.configuration, services: one.services)).test(.router) { client in
                    let id = try await Self.writeHistory(client)
                    Self.expectHistory(try await Self.collect(heardByTwo, count: 5), id: id, adminID: adminID)
                    Self.expectHistory(try await Self.collect(heardByOne, count: 5), id: id, adminID: adminID)
                }
                await one.close()
                await two.close()
            }
        }
    }
}
