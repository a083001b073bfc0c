import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// Webhooks end to end: a live server queues and signs deliveries, and a local HTTP receiver
/// (``FakeProvider``, which records what it is sent and answers from a script) takes them.
@Suite("Webhooks", .timeLimit(.minutes(3)))
struct WebhookTests {
    /// The receivers listen on 127.0.0.1, which only an operator's allow-list opens; retries
    /// come quickly so a test sees several.
    static func fast(_ configuration: inout AppConfiguration) {
        try! configuration.webhooks.allow("127.0.0.1")
        configuration.webhooks.retrySchedule = [.milliseconds(300), .milliseconds(600)]
        configuration.webhooks.pollInterval = .milliseconds(100)
        configuration.webhooks.connectTimeout = .seconds(1)
        configuration.webhooks.readTimeout = .seconds(1)
    }

    static func create(_ client: any TestClientProtocol, token: String, _ json: String) async throws -> (id: String, secret: String) {
        let response = try await client.send(.post, "/api/v1/webhooks", json: json, token: token)
        guard response.status == .created, let id = response.json["id"] as? String, let secret = response.json["secret"] as? String else {
            throw TestSetupError("creating a webhook failed: \(response.status) \(String(buffer: response.body))")
        }
        return (id, secret)
    }

    /// Waits until `condition` holds, up to `within`.
    static func eventually(within: Duration = .seconds(5), _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + within
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try await condition()
    }

    static func deliveries(_ client: any TestClientProtocol, _ id: String, token: String) async throws -> [[String: Any]] {
        try await client.get("/api/v1/webhooks/\(id)/deliveries", token: token).json["data"] as? [[String: Any]] ?? []
    }

    @Test("deliveries are signed: the receiver verifies them with the checks docs/webhooks.md gives, and a forged one fails")
    func signed() async throws {
        try await FakeProvider.with { receiver in
            try await withTestDatabase(.sqlite) { database in
                try await withLiveApp(database, configure: Self.fast) { client, _ in
                    let admin = try await client.login("admin", testAdminPassword)
                    let (hookID, secret) = try await Self.create(client, token: admin,
                        #"{"url":"\#(receiver.url)/hook","events":["prompt.version_created","prompt.label_moved"],"description":"ci"}"#)
                    #expect(secret.hasPrefix("whsec_") && secret.count == 70)
                    let shown = try await client.get("/api/v1/webhooks/\(hookID)", token: admin)
                    #expect(shown.json["secret"] == nil && !String(buffer: shown.body).contains(secret), "the secret is shown once")
                    _ = try await Self.create(client, token: admin, #"{"url":"\#(receiver.url)/other","events":["prompt.version_created"],"name_prefix":"other/"}"#)

                    let id = try await client.createPrompt("hooks/greeter", token: admin)
                    #expect(try await client.call(.delete, "/api/v1/prompts/\(id)", token: admin).status == .ok)
                    #expect(try await Self.eventually { receiver.received.count >= 1 })
                    try await Task.sleep(for: .milliseconds(500))
                    // One delivery: the archive is not asked for, and the other webhook's prefix does not match.
                    #expect(receiver.received.count == 1, "\(receiver.received.map(\.path))")
                    let delivery = try #require(receiver.received.first)
                    #expect(delivery.path == "/hook")
                    #expect(delivery.headers["promptlib-event"] == "prompt.version_created")
                    let body = try #require(try JSONSerialization.jsonObject(with: Data(delivery.body.utf8)) as? [String: Any])
                    #expect(body["type"] as? String == "prompt.version_created" && body["id"] as? String == delivery.headers["promptlib-delivery"])
                    let data = try #require(body["data"] as? [String: Any])
                    #expect(data["prompt_id"] as? String == id && data["version"] as? Int == 1 && data["name"] as? String == "hooks/greeter")
                    #expect(!delivery.body.contains("Greet"), "deliveries carry ids, not prompt text")

                    let header = try #require(delivery.headers["promptlib-signature"])
                    #expect(header.hasPrefix("t=") && header.contains(",v1="))
                    for language in DocumentedVerifier.Language.allCases {
                        #expect(try DocumentedVerifier.verify(language, body: Data(delivery.body.utf8), header: header, secret: secret), "\(language)")
                        #expect(try !DocumentedVerifier.verify(language, body: Data((delivery.body + " ").utf8), header: header, secret: secret), "\(language)")
                        #expect(try !DocumentedVerifier.verify(language, body: Data(delivery.body.utf8), header: header, secret: "whsec_wrong"), "\(language)")
                    }

                    let listed = try await Self.deliveries(client, hookID, token: admin)
                    #expect(listed.first?["status"] as? String == "delivered" && listed.first?["last_status_code"] as? Int == 200, "\(listed)")
                    let hook = try await client.get("/api/v1/webhooks/\(hookID)", token: admin).json
                    #expect((hook["last_delivery"] as? [String: Any])?["status"] as? String == "delivered")

                    // A rotated secret signs from then on.
                    let rotated = try await client.call(.post, "/api/v1/webhooks/\(hookID)/secret", token: admin)
                    let newSecret = try #require(rotated.json["secret"] as? String)
                    #expect(try await client.call(.post, "/api/v1/webhooks/\(hookID)/ping", token: admin).status == .accepted)
                    #expect(try await Self.eventually { receiver.received.count >= 2 })
                    let ping = try #require(receiver.received.last)
                    #expect(ping.headers["promptlib-event"] == "ping")
                    #expect(try DocumentedVerifier.verify(.python, body: Data(ping.body.utf8), header: ping.headers["promptlib-signature"] ?? "", secret: newSecret))
                    #expect(try !DocumentedVerifier.verify(.python, body: Data(ping.body.utf8), header: ping.headers["promptlib-signature"] ?? "", secret: secret))
                }
            }
        }
    }

    @Test("a failing endpoint is retried with backoff until it answers, and its deliveries show each attempt's status",
          arguments: TestEngine.available)
    func retried(engine: TestEngine) async throws {
        try await FakeProvider.with { receiver in
            receiver.script([.json("{}", status: 500), .json("{}", status: 503)], then: .json("{}"))
            try await withTestDatabase(engine) { database in
                try await withLiveApp(database, configure: Self.fast) { client, _ in
                    let admin = try await client.login("admin", testAdminPassword)
                    let (hookID, _) = try await Self.create(client, token: admin, #"{"url":"\#(receiver.url)/hook","events":["prompt.version_created"]}"#)
                    _ = try await client.createPrompt("hooks/retried", token: admin)
                    #expect(try await Self.eventually {
                        try await Self.deliveries(client, hookID, token: admin).first?["status"] as? String == "pending"
                            && receiver.received.count == 1
                    })
                    let pending = try await Self.deliveries(client, hookID, token: admin).first
                    #expect(pending?["last_status_code"] as? Int == 500 && pending?["attempts"] as? Int == 1 && pending?["next_attempt_at"] != nil)
                    #expect(try await Self.eventually { try await Self.deliveries(client, hookID, token: admin).first?["status"] as? String == "delivered" })
                    let done = try await Self.deliveries(client, hookID, token: admin).first
                    #expect(done?["attempts"] as? Int == 3 && done?["last_status_code"] as? Int == 200, "\(String(describing: done))")
                    // The same delivery each time: one id, one body.
                    #expect(Set(receiver.received.map { $0.headers["promptlib-delivery"] ?? "" }).count == 1)
                    #expect(Set(receiver.received.map(\.body)).count == 1)
                }
            }
        }
    }

    @Test("queued deliveries survive a restart: what one server could not send, the next one sends", arguments: TestEngine.available)
    func survivesRestart(engine: TestEngine) async throws {
        try await FakeProvider.with { receiver in
            receiver.script([], then: .json("{}", status: 503))
            try await withTestDatabase(engine) { database in
                let hookID = try await withLiveApp(database, configure: {
                    Self.fast(&$0)
                    $0.webhooks.retrySchedule = [.seconds(2)]
                }) { client, _ in
                    let admin = try await client.login("admin", testAdminPassword)
                    let (hookID, _) = try await Self.create(client, token: admin, #"{"url":"\#(receiver.url)/hook","events":["prompt.version_created"]}"#)
                    _ = try await client.createPrompt("hooks/restart", token: admin)
                    #expect(try await Self.eventually { receiver.received.count == 1 })
                    return hookID
                }
                receiver.script([], then: .json("{}"))
                try await withLiveApp(database, configure: Self.fast) { client, _ in
                    let admin = try await client.login("admin", testAdminPassword)
                    #expect(try await Self.eventually(within: .seconds(8)) {
                        try await Self.deliveries(client, hookID, token: admin).first?["status"] as? String == "delivered"
                    })
                    #expect(receiver.received.count == 2)
                }
            }
        }
    }

    @Test("one endpoint that hangs slows neither the API nor the other endpoints")
    func isolation() async throws {
        try await FakeProvider.with { slow in
            try await FakeProvider.with { quick in
                slow.script([], then: FakeProvider.Answer(status: 200, body: "{}", delay: .seconds(3)))
                try await withTestDatabase(.sqlite) { database in
                    try await withLiveApp(database, configure: {
                        Self.fast(&$0)
                        $0.webhooks.readTimeout = .seconds(5)
                    }) { client, _ in
                        let admin = try await client.login("admin", testAdminPassword)
                        _ = try await Self.create(client, token: admin, #"{"url":"\#(slow.url)/hook","events":["prompt.version_created"]}"#)
                        _ = try await Self.create(client, token: admin, #"{"url":"\#(quick.url)/hook","events":["prompt.version_created"]}"#)
                        let start = ContinuousClock.now
                        let id = try await client.createPrompt("hooks/isolated", token: admin)
                        #expect(ContinuousClock.now - start < .seconds(2), "the write waited for an endpoint")
                        #expect(try await client.putPrompt(id, json: promptJSON("hooks/isolated", goal: "v2 {{who}}"), token: admin).status == .ok)
                        #expect(try await Self.eventually(within: .seconds(2)) { quick.received.count == 2 }, "the quick endpoint waited for the slow one")
                        #expect(ContinuousClock.now - start < .seconds(3))
                        #expect(slow.received.count == 1, "one delivery in flight per endpoint")
                    }
                }
            }
        }
    }

    @Test("private and special addresses are refused: in the URL when created, and when a name resolves to one at connect time")
    func ssrf() async throws {
        try await FakeProvider.with { receiver in
            try await withTestDatabase(.sqlite) { database in
                try await withLiveApp(database, configure: {
                    $0.webhooks.pollInterval = .milliseconds(100)
                    $0.webhooks.retrySchedule = [.seconds(60)]
                }) { client, _ in
                    let admin = try await client.login("admin", testAdminPassword)
                    for url in ["http://127.0.0.1:\(receiver.port)/hook", "http://[::1]/", "http://169.254.169.254/latest/meta-data", "http://10.1.2.3/",
                                "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://0.0.0.0/", "http://[fd00::1]/", "http://100.64.0.1/"] {
                        let response = try await client.send(.post, "/api/v1/webhooks", json: #"{"url":"\#(url)","events":["prompt.archived"]}"#, token: admin)
                        #expect(response.status == .badRequest && response.errorField == "url", "\(url): \(response.status)")
                    }
                    for url in ["ftp://example.com/", "http://user:pw@example.com/", "http://example.com/#x", "http://exa mple.com/", "not a url"] {
                        let response = try await client.send(.post, "/api/v1/webhooks", json: #"{"url":"\#(url)","events":["prompt.archived"]}"#, token: admin)
                        #expect(response.status == .badRequest, "\(url): \(response.status)")
                    }
                    // A name is checked on what it resolves to, when connecting: localhost is 127.0.0.1.
                    let (hookID, _) = try await Self.create(client, token: admin, #"{"url":"http://localhost:\#(receiver.port)/hook","events":["prompt.version_created"]}"#)
                    _ = try await client.createPrompt("hooks/ssrf", token: admin)
                    #expect(try await Self.eventually { try await Self.deliveries(client, hookID, token: admin).first?["attempts"] as? Int == 1 })
                    let refused = try await Self.deliveries(client, hookID, token: admin).first
                    let reason = refused?["last_error"] as? String ?? ""
                    #expect(reason.hasPrefix("refused:") && !reason.contains("127.0.0.1"), "refused, without naming the internal address: \(reason)")
                    #expect(receiver.received.isEmpty)
                }
            }
        }
    }

    @Test("an operator's allow-list opens an internal address that a name resolves to")
    func allowedAddress() async throws {
        try await FakeProvider.with { receiver in
            try await withTestDatabase(.sqlite) { database in
                try await withLiveApp(database, configure: Self.fast) { client, _ in
                    let admin = try await client.login("admin", testAdminPassword)
                    let (hookID, _) = try await Self.create(client, token: admin, #"{"url":"http://localhost:\#(receiver.port)/hook","events":["prompt.version_created"]}"#)
                    _ = try await client.createPrompt("hooks/allowed", token: admin)
                    #expect(try await Self.eventually { try await Self.deliveries(client, hookID, token: admin).first?["status"] as? String == "delivered" })
                    #expect(receiver.received.first?.path == "/hook")
                }
            }
        }
    }

    @Test("a user's webhook hears only the prompts that user owns; viewers cannot register one; others' are hidden; only the owner re-points it")
    func ownership() async throws {
        try await FakeProvider.with { receiver in
            try await withTestDatabase(.sqlite) { database in
                try await withLiveApp(database, configure: Self.fast) { client, _ in
                    let admin = try await client.login("admin", testAdminPassword)
                    _ = try await client.createUser("uma", role: "user", admin: admin)
                    _ = try await client.createUser("vic", role: "viewer", admin: admin)
                    let uma = try await client.login("uma", "Another-good-passphrase-9")
                    let vic = try await client.login("vic", "Another-good-passphrase-9")
                    let json = #"{"url":"\#(receiver.url)/uma","events":["prompt.version_created"]}"#
                    #expect(try await client.send(.post, "/api/v1/webhooks", json: json, token: vic).status == .forbidden)
                    let (hookID, _) = try await Self.create(client, token: uma, json)
                    _ = try await client.createPrompt("hooks/admins", token: admin)
                    let mine = try await client.createPrompt("hooks/umas", token: uma)
                    #expect(try await Self.eventually { receiver.received.count >= 1 })
                    try await Task.sleep(for: .milliseconds(500))
                    #expect(receiver.received.count == 1)
                    #expect(receiver.received.first?.body.contains(mine) == true)

                    _ = try await client.createUser("oscar", role: "user", admin: admin)
                    let oscar = try await client.login("oscar", "Another-good-passphrase-9")
                    #expect(try await client.get("/api/v1/webhooks/\(hookID)", token: oscar).status == .notFound)
                    let listed = try await client.get("/api/v1/webhooks", token: oscar).json["data"] as? [Any]
                    #expect(listed?.isEmpty == true)
                    #expect(try await client.send(.patch, "/api/v1/webhooks/\(hookID)", json: #"{"url":"https://elsewhere.example.com/"}"#, token: admin).status == .forbidden)
                    let paused = try await client.send(.patch, "/api/v1/webhooks/\(hookID)", json: #"{"active":false,"name_prefix":null}"#, token: admin)
                    #expect(paused.status == .ok && paused.json["active"] as? Bool == false)
                    #expect((try await client.get("/api/v1/webhooks", token: admin).json["data"] as? [[String: Any]])?.count == 1)
                    #expect(try await client.call(.delete, "/api/v1/webhooks/\(hookID)", token: uma).status == .noContent)
                    #expect(try await client.get("/api/v1/webhooks/\(hookID)", token: uma).status == .notFound)
                }
            }
        }
    }

    @Test("the secret is stored sealed, and `promptlib keys rotate` re-seals it so deliveries still verify under the new key alone")
    func keyRotation() async throws {
        try await FakeProvider.with { receiver in
            try await withTestDatabase(.sqlite) { database in
                let oldKey = Data((0..<32).map { UInt8($0) }), newKey = Data((0..<32).map { UInt8(255 - $0) })
                let (hookID, secret) = try await withLiveApp(database, configure: { Self.fast(&$0); $0.encryptionKey = oldKey }) { client, _ in
                    try await Self.create(client, token: try await client.login("admin", testAdminPassword),
                                          #"{"url":"\#(receiver.url)/hook","events":["prompt.archived"]}"#)
                }
                let stored = try await database.withStore { store in
                    try await store.withDatabase { db in try await db.raw("SELECT secret FROM webhooks").all().map { try $0.decode(column: "secret", as: String.self) } }
                }
                #expect(stored.count == 1 && stored.allSatisfy { $0.hasPrefix("v1:") && !$0.contains(secret) && !$0.contains(String(secret.dropFirst(6))) })
                var configuration = testConfiguration(database)
                configuration.encryptionKey = newKey
                configuration.previousEncryptionKeys = [oldKey]
                let rotating = try await CommandLineServices.open(configuration, logger: testLogger)
                #expect(try await rotating.rotateKeys() == 1)
                await rotating.close()
                try await withLiveApp(database, configure: { Self.fast(&$0); $0.encryptionKey = newKey }) { client, _ in
                    let admin = try await client.login("admin", testAdminPassword)
                    #expect(try await client.call(.post, "/api/v1/webhooks/\(hookID)/ping", token: admin).status == .accepted)
                    #expect(try await Self.eventually { receiver.received.count == 1 })
                    let ping = try #require(receiver.received.first)
                    #expect(try DocumentedVerifier.verify(.javascript, body: Data(ping.body.utf8), header: ping.headers["promptlib-signature"] ?? "", secret: secret))
                }
            }
        }
    }

    @Test("an account's 25 webhooks hold under parallel creations", arguments: TestEngine.available)
    func limit(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        try await client.send(.post, "/api/v1/webhooks", json: #"{"url":"https://hooks.example.com/\#(index)","events":["prompt.archived"]}"#, token: admin).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 25)
            #expect(statuses.filter { $0 == .conflict }.count == 15)
            #expect((try await client.get("/api/v1/webhooks?limit=200", token: admin).json["data"] as? [Any])?.count == 25)
        }
    }
}
