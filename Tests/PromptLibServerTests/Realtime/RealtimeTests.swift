import Foundation
import Hummingbird
import HummingbirdTesting
import NIOWebSocket
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// Real-time over real WebSockets: tickets, rooms, who hears what, presence, and limits.
@Suite("Real-time", .timeLimit(.minutes(2)))
struct RealtimeTests {
    /// A short presence timeout (a heartbeat a second), so that presence lapses and ended
    /// sessions are noticed within a test.
    static let quick: @Sendable (inout AppConfiguration) -> Void = { $0.realtime.presenceTimeout = .seconds(3) }

    /// The usernames in a `presence` message.
    static func names(_ message: [String: Any]?) -> [String] {
        (message?["people"] as? [[String: Any]] ?? []).compactMap { $0["username"] as? String }
    }

    static func subscribe(_ socket: TestSocket, _ promptID: String) async throws {
        socket.send(["type": "subscribe", "room": "prompt:\(promptID)"])
        #expect(try await socket.next("subscribed") != nil, "subscribing to \(promptID): \(socket.pending)")
    }

    @Test("the upgrade needs a fresh ticket from a signed-in session; anything else is a 401 without upgrading")
    func tickets() async throws {
        try await withTestDatabase(.sqlite) { database in
            try await withLiveApp(database) { client, _ in
                let plain = try await client.get("/api/v1/ws")
                #expect(plain.status == .unauthorized)
                #expect(String(buffer: plain.body).contains("/api/v1/ws/tickets"))
                #expect(try await client.call(.post, "/api/v1/ws/tickets", token: nil).status == .unauthorized)
                let token = try await client.login("admin", testAdminPassword)
                let response = try await client.call(.post, "/api/v1/ws/tickets", token: token)
                #expect(response.status == .created)
                #expect(response.json["expires_in"] as? Int == 30)
                let port = try #require(client.port)
                await #expect(throws: (any Error).self) { _ = try await TestSocket(port: port, ticket: "not-a-ticket") }
                await #expect(throws: (any Error).self) { _ = try await TestSocket(port: port, ticket: String(repeating: "A", count: 43)) }
                // An upgrade with a ticket that is not valid, on a connection of its own (an upgrade
                // asked on a used connection is redirected to a new one): 401 in the API's envelope.
                let fresh = TestClient(host: "localhost", port: port)
                fresh.connect()
                let upgrade: HTTPFields = [.upgrade: "websocket", .connection: "Upgrade", .secWebSocketKey: "dGhlIHNhbXBsZSBub25jZQ==", .secWebSocketVersion: "13"]
                let refused = try await fresh.get("/api/v1/ws?ticket=\(String(repeating: "A", count: 43))", headers: upgrade)
                try? await fresh.shutdown()
                #expect(refused.head.status == .unauthorized)
                #expect(String(buffer: refused.body ?? ByteBuffer()).contains("AUTHENTICATION_REQUIRED"))
                let ticket = try #require(response.json["ticket"] as? String)
                let socket = try await TestSocket(port: port, ticket: ticket)
                // Single use: the same ticket does not open a second connection.
                await #expect(throws: (any Error).self) { _ = try await TestSocket(port: port, ticket: ticket) }
                socket.send(["type": "ping"])
                #expect(try await socket.next("pong") != nil)
                _ = try await socket.close()
            }
        }
    }

    @Test("a prompt's events reach the connections in its room, a user's news only that user, and nothing reaches an ended session")
    func whoHearsWhat() async throws {
        try await withTestDatabase(.sqlite) { database in
            try await withLiveApp(database, configure: Self.quick) { client, _ in
                let admin = try await client.login("admin", testAdminPassword)
                _ = try await client.createUser("vera", role: "viewer", admin: admin)
                let viewer = try await client.login("vera", "Another-good-passphrase-9")
                let id = try await client.createPrompt("live/greeter", token: admin)
                let adminSocket = try await client.socket(token: admin)
                let viewerSocket = try await client.socket(token: viewer)
                let elsewhere = try await client.socket(token: viewer)
                try await Self.subscribe(adminSocket, id)
                try await Self.subscribe(viewerSocket, id)

                #expect(try await client.putPrompt(id, json: promptJSON("live/greeter", goal: "v2 {{who}}"), token: admin).status == .ok)
                let created = try await viewerSocket.next("prompt.version_created")
                #expect(created?["prompt_id"] as? String == id && created?["version"] as? Int == 2, "\(viewerSocket.pending)")
                #expect(try await adminSocket.next("prompt.version_created") != nil)
                #expect(try await LabelTests.move(client, id, "production", to: 2, token: admin).status == .ok)
                let moved = try await viewerSocket.next("prompt.label_moved")
                #expect(moved?["label"] as? String == "production" && moved?["version"] as? Int == 2)
                #expect(try await client.send(.put, "/api/v1/prompts/\(id)/ratings/mine", json: #"{"score":4}"#, token: admin).status == .ok)
                #expect(try await viewerSocket.next("rating.updated")?["prompt_id"] as? String == id)

                // The enhancement's news goes to its requester's connections alone.
                let started = try await client.send(.post, "/api/v1/prompts/\(id)/enhancements", json: "{}", token: admin)
                #expect(started.status == .accepted || started.status == .created, "\(started.status)")
                let ready = try await adminSocket.next("enhancement.ready", within: .seconds(10))
                #expect(ready?["prompt_id"] as? String == id && ready?["enhancement_id"] as? String == started.json["id"] as? String)

                // A connection not in the room hears nothing of the prompt.
                #expect(try await client.call(.delete, "/api/v1/prompts/\(id)", token: admin).status == .ok)
                #expect(try await viewerSocket.next("prompt.archived") != nil)
                try await Task.sleep(for: .milliseconds(300))
                #expect(elsewhere.pending.isEmpty, "\(elsewhere.pending)")
                #expect(!viewerSocket.pending.contains { ($0["type"] as? String)?.hasPrefix("enhancement.") == true }, "\(viewerSocket.pending)")

                // Once the session ends, its connections hear nothing more and are closed.
                #expect(try await client.call(.post, "/api/v1/prompts/\(id)/restore", token: admin).status == .ok)
                #expect(try await viewerSocket.next("prompt.restored") != nil)
                #expect(try await client.call(.post, "/api/v1/auth/logout", token: viewer).status == .noContent)
                #expect(try await client.call(.delete, "/api/v1/prompts/\(id)", token: admin).status == .ok)
                #expect(try await adminSocket.next("prompt.archived") != nil)
                #expect(try await viewerSocket.next("prompt.archived", within: .milliseconds(500)) == nil)
                let frame = try await viewerSocket.closed()
                #expect(frame?.closeCode == .policyViolation, "\(String(describing: frame))")
                _ = try await adminSocket.close()
            }
        }
    }

    @Test("rooms: another user's is refused, an unknown prompt is not found, and bad messages get an error")
    func rooms() async throws {
        try await withTestDatabase(.sqlite) { database in
            try await withLiveApp(database) { client, _ in
                let admin = try await client.login("admin", testAdminPassword)
                let socket = try await client.socket(token: admin)
                socket.send(["type": "subscribe", "room": "user:someone-else"])
                #expect(try await socket.next("error")?["code"] as? String == "forbidden")
                socket.send(["type": "subscribe", "room": "prompt:\(UUID().uuidString)"])
                #expect(try await socket.next("error")?["code"] as? String == "not_found")
                socket.send(["type": "subscribe", "room": "lobby"])
                #expect(try await socket.next("error")?["code"] as? String == "invalid_room")
                socket.send(["type": "editing.started", "room": "prompt:\(UUID().uuidString)"])
                #expect(try await socket.next("error")?["code"] as? String == "not_subscribed")
                socket.sendText("not json\u{0}")
                #expect(try await socket.next("error")?["code"] as? String == "invalid_message")
                socket.send(["type": "shout"])
                #expect(try await socket.next("error")?["code"] as? String == "unknown_type")
                _ = try await socket.close()
            }
        }
    }

    @Test("limits: messages over the size are closed with 1009, floods are dropped, connections per user are capped, idle ones closed")
    func limits() async throws {
        try await withTestDatabase(.sqlite) { database in
            try await withLiveApp(database, configure: {
                $0.realtime.maxMessageBytes = 256
                $0.realtime.messagesPerSecond = 2
                $0.realtime.maxConnectionsPerUser = 2
                $0.realtime.idleTimeout = .seconds(2)
            }) { client, parts in
                let admin = try await client.login("admin", testAdminPassword)
                let flooded = try await client.socket(token: admin)
                for _ in 0..<10 { flooded.send(["type": "ping"]) }
                #expect(try await flooded.next("error")?["code"] as? String == "rate_limited")
                let second = try await client.socket(token: admin)
                await #expect(throws: (any Error).self) { _ = try await client.socket(token: admin) }
                second.sendText(String(repeating: "x", count: 1_000))
                #expect(try await second.closed()?.closeCode == .messageTooLarge)
                // The flooded one sent nothing since: it is closed as idle.
                #expect(try await flooded.closed()?.closeCode == .normalClosure)
                #expect(parts.services.realtime.connectionCount == 0)
            }
        }
    }

    @Test("presence: who views and who edits appears at once, and lapses when a connection goes quiet or a replica stops beating")
    func presence() async throws {
        try await withTestDatabase(.sqlite) { database in
            try await withLiveApp(database, configure: { Self.quick(&$0); $0.realtime.idleTimeout = .seconds(2) }) { client, parts in
                let admin = try await client.login("admin", testAdminPassword)
                _ = try await client.createUser("ed", role: "user", admin: admin)
                let ed = try await client.login("ed", "Another-good-passphrase-9")
                let id = try await client.createPrompt("live/presence", token: admin)
                let watcher = try await client.socket(token: admin)
                try await Self.subscribe(watcher, id)
                let editor = try await client.socket(token: ed)
                try await Self.subscribe(editor, id)
                #expect(try await watcher.next("presence", where: { Self.names($0) == ["admin", "ed"] }) != nil, "\(watcher.pending)")
                editor.send(["type": "editing.started", "room": "prompt:\(id)"])
                let editing = try await watcher.next("presence") { ($0["people"] as? [[String: Any]])?.contains { $0["username"] as? String == "ed" && $0["state"] as? String == "editing" } == true }
                #expect(editing != nil, "\(watcher.pending)")
                // The watcher keeps pinging; the editor goes quiet and is closed as idle.
                for _ in 0..<6 {
                    watcher.send(["type": "ping"])
                    try await Task.sleep(for: .milliseconds(500))
                }
                #expect(editor.isClosed)
                #expect(try await watcher.next("presence", where: { Self.names($0) == ["admin"] }) != nil, "\(watcher.pending)")

                // A replica that stops beating: its people lapse after the presence timeout.
                await parts.shared.signals.publish(.presence(PresenceBeat(room: id, connectionID: "gone-replica", userID: "u-ghost", username: "ghost",
                                                                          state: .viewing, expiresIn: 2)))
                #expect(try await watcher.next("presence", where: { Self.names($0) == ["admin", "ghost"] }) != nil)
                for _ in 0..<8 where watcher.pending.isEmpty {
                    watcher.send(["type": "ping"])
                    try await Task.sleep(for: .milliseconds(500))
                }
                #expect(try await watcher.next("presence", within: .seconds(2), where: { Self.names($0) == ["admin"] }) != nil, "\(watcher.pending)")
                _ = try await watcher.close()
            }
        }
    }

    @Test("two replicas sharing Redis: a version created on A reaches a client on B within a second, and presence crosses too",
          .enabled(if: RedisTestServer.available))
    func acrossReplicas() async throws {
        try await withRedisServer { redis in
            try await withTestDatabase(.sqlite) { database in
                try await withLiveApp(database, redis: redis) { replicaA, _ in
                    try await withLiveApp(database, redis: redis) { replicaB, _ in
                        let token = try await replicaA.login("admin", testAdminPassword)
                        let id = try await replicaA.createPrompt("live/replicas", token: token)
                        // The ticket is issued by A and redeemed on B, as behind nginx.
                        let ticket = try await replicaA.wsTicket(token: token)
                        let onB = try await TestSocket(port: try #require(replicaB.port), ticket: ticket)
                        try await Self.subscribe(onB, id)
                        let onA = try await replicaA.socket(token: token)
                        try await Self.subscribe(onA, id)
                        onA.send(["type": "editing.started", "room": "prompt:\(id)"])
                        #expect(try await onB.next("presence", where: { ($0["people"] as? [[String: Any]])?.first?["state"] as? String == "editing" }) != nil)

                        let start = ContinuousClock.now
                        #expect(try await replicaA.putPrompt(id, json: promptJSON("live/replicas", goal: "v2 {{who}}"), token: token).status == .ok)
                        let event = try await onB.next("prompt.version_created", within: .seconds(2))
                        let elapsed = ContinuousClock.now - start
                        #expect(event?["version"] as? Int == 2)
                        #expect(elapsed < .seconds(1), "took \(elapsed)")
                        _ = try await onA.close()
                        _ = try await onB.close()
                    }
                }
            }
        }
    }

    @Test("shutting the server down closes its WebSockets cleanly")
    func shutdown() async throws {
        try await withTestDatabase(.sqlite) { database in
            let socket = try await withLiveApp(database) { client, _ in
                try await client.socket(token: try await client.login("admin", testAdminPassword))
            }
            #expect(try await socket.closed()?.closeCode == .normalClosure)
        }
    }
}
