import Logging
import NIOCore
import PromptLibRedis
import PromptLibTestSupport
import Testing

/// The client against a real `redis-server`: commands, binary values, pipelining, typed errors,
/// AUTH and SELECT, timeouts, limits, and a server that goes away and comes back.
@Suite("Redis client against redis-server", .enabled(if: RedisTestServer.available), .timeLimit(.minutes(1)))
struct RedisIntegrationTests {
    static let logger: Logger = {
        var logger = Logger(label: "redis-test")
        logger.logLevel = .critical
        return logger
    }()

    /// The first answer to PING within 5 s of retrying (a pool backs off after failures).
    static func firstPong(_ pool: RedisConnectionPool) async throws -> RESPValue? {
        for _ in 0..<100 {
            if let reply = try? await pool.send(RESPCommand("PING")) { return reply }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    static func pool(_ url: String, _ adjust: (inout RedisConfiguration) -> Void = { _ in }) throws -> RedisConnectionPool {
        var configuration = try RedisConfiguration(url: url)
        adjust(&configuration)
        return RedisConnectionPool(configuration: configuration, logger: logger)
    }

    @Test("commands and binary values round-trip; missing keys are null")
    func commands() async throws {
        try await withRedisServer { server in
            let pool = try Self.pool(server.url)
            let value: [UInt8] = [0, 13, 10, 36, 42, 255] + Array("ünï".utf8)
            try await pool.send(RESPCommand(bytes: [Array("SET".utf8), Array("promptlib:k".utf8), value]))
            #expect(try await pool.send(RESPCommand("GET", "promptlib:k")) == .bulkString(value))
            #expect(try await pool.send(RESPCommand("GET", "promptlib:missing")).isNull)
            #expect(try await pool.send(RESPCommand("INCRBY", "promptlib:n", "5")).integer == 5)
            #expect(try await pool.send(RESPCommand("DEL", "promptlib:k", "promptlib:n")).integer == 2)
            await pool.close()
        }
    }

    @Test("a pipeline of 1,000 commands and 200 concurrent senders each get their own replies, in order")
    func pipelining() async throws {
        try await withRedisServer { server in
            // Ordering is under test, not waiting: generous time, as the whole suite runs beside it.
            let pool = try Self.pool(server.url) {
                $0.poolSize = 4
                $0.commandTimeout = 15
            }
            let replies = try await pool.pipeline((0..<1000).map { RESPCommand("ECHO", "reply \($0)") })
            #expect(replies.map(\.string) == (0..<1000).map { "reply \($0)" })
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let reply = try await pool.send(RESPCommand("ECHO", "sender \(index)"))
                        #expect(reply.string == "sender \(index)")
                    }
                }
                try await group.waitForAll()
            }
            await pool.close()
        }
    }

    @Test("an error reply is a typed error, and the other replies of its pipeline still arrive")
    func typedErrors() async throws {
        try await withRedisServer { server in
            let pool = try Self.pool(server.url)
            try await pool.send(RESPCommand("LPUSH", "promptlib:list", "a"))
            await #expect(throws: RedisError.server(code: "WRONGTYPE", message: "Operation against a key holding the wrong kind of value")) {
                try await pool.send(RESPCommand("GET", "promptlib:list"))
            }
            let replies = try await pool.pipeline([RESPCommand("GET", "promptlib:list"), RESPCommand("PING")])
            guard case .error(let text) = replies[0] else { Issue.record("expected an error reply"); return }
            #expect(text.hasPrefix("WRONGTYPE") && replies[1] == .simpleString("PONG"))
            await pool.close()
        }
    }

    @Test("AUTH with a password or an ACL user, and SELECT of the URL's database")
    func authAndSelect() async throws {
        try await withRedisServer(arguments: ["--requirepass", "hunter2-long-password", "--user", "app", "on", ">app-secret", "~*", "+@all"]) { server in
            await #expect(throws: RedisError.server(code: "NOAUTH", message: "Authentication required.")) {
                try await Self.pool(server.url).send(RESPCommand("PING"))
            }
            do {
                try await Self.pool("redis://:wrong@127.0.0.1:\(server.port)").send(RESPCommand("PING"))
                Issue.record("a wrong password was accepted")
            } catch {
                guard case RedisError.server(let code, _) = error else { Issue.record("\(error)"); return }
                #expect(code == "WRONGPASS")
                #expect(!"\(error)".contains("wrong"), "the password is not echoed")
            }
            let byPassword = try Self.pool("redis://:hunter2-long-password@127.0.0.1:\(server.port)/3")
            try await byPassword.send(RESPCommand("SET", "promptlib:db", "three"))
            let byUser = try Self.pool("redis://app:app-secret@127.0.0.1:\(server.port)/0")
            #expect(try await byUser.send(RESPCommand("GET", "promptlib:db")).isNull, "database 0 does not see database 3")
            #expect(try await byUser.send(RESPCommand("ACL", "WHOAMI")).string == "app")
            let three = try Self.pool("redis://app:app-secret@127.0.0.1:\(server.port)/3")
            #expect(try await three.send(RESPCommand("GET", "promptlib:db")).string == "three")
            for pool in [byPassword, byUser, three] { await pool.close() }
        }
    }

    @Test("a command over its timeout fails with timeout, and after the backoff window the pool goes on with a fresh connection")
    func timeouts() async throws {
        try await withRedisServer { server in
            let pool = try Self.pool(server.url) { $0.commandTimeout = 0.3 }
            let started = ContinuousClock.now
            await #expect(throws: RedisError.timeout(command: "BLPOP", seconds: 0.3)) {
                try await pool.send(RESPCommand("BLPOP", "promptlib:empty", "5"))
            }
            #expect(ContinuousClock.now - started < .seconds(3))
            #expect(try await Self.firstPong(pool) == .simpleString("PONG"))
            await pool.close()
        }
    }

    @Test("a reply over the size limit closes that connection with a protocol error; the next command works")
    func oversizedReply() async throws {
        try await withRedisServer { server in
            let pool = try Self.pool(server.url) { $0.limits.maxBulkLength = 1024 }
            try await pool.send(RESPCommand("SET", "promptlib:big", String(repeating: "x", count: 4096)))
            await #expect(throws: RedisError.protocolViolation("a bulk string of 4096 bytes is over the limit of 1024")) {
                try await pool.send(RESPCommand("GET", "promptlib:big"))
            }
            #expect(try await pool.send(RESPCommand("STRLEN", "promptlib:big")).integer == 4096)
            await pool.close()
        }
    }

    @Test("while Redis is down commands fail at once with the reason; when it is back they work again")
    func reconnects() async throws {
        try await withRedisServer { server in
            let pool = try Self.pool(server.url) { $0.connectTimeout = 0.5 }
            try await pool.send(RESPCommand("SET", "promptlib:k", "v"))
            server.stop()
            await #expect(throws: RedisError.self) { try await pool.send(RESPCommand("GET", "promptlib:k")) }
            let started = ContinuousClock.now
            do {
                try await pool.send(RESPCommand("GET", "promptlib:k"))
                Issue.record("a command succeeded with Redis down")
            } catch {
                #expect("\(error)".contains("unavailable"), "\(error)")
            }
            #expect(ContinuousClock.now - started < .milliseconds(600), "inside the backoff window a command fails fast")
            #expect(pool.unavailableReason != nil)
            try server.start()
            #expect(try await Self.firstPong(pool) == .simpleString("PONG"))
            #expect(pool.unavailableReason == nil)
            await pool.close()
        }
    }

    @Test("a stalled Redis costs one timeout, then commands fail at once; when it goes on, so do they")
    func stalled() async throws {
        try await withRedisServer { server in
            let pool = try Self.pool(server.url) { $0.commandTimeout = 0.3 }
            try await pool.send(RESPCommand("PING"))
            server.pause()
            await #expect(throws: RedisError.timeout(command: "GET", seconds: 0.3)) { try await pool.send(RESPCommand("GET", "promptlib:k")) }
            let started = ContinuousClock.now
            await #expect(throws: RedisError.self) { try await pool.send(RESPCommand("GET", "promptlib:k")) }
            #expect(ContinuousClock.now - started < .milliseconds(150), "inside the window a command does not wait for its timeout")
            server.resume()
            #expect(try await Self.firstPong(pool) == .simpleString("PONG"))
            #expect(pool.unavailableReason == nil)
            await pool.close()
        }
    }

    @Test("subscribers receive what is published, and subscribe again after Redis comes back")
    func pubSub() async throws {
        try await withRedisServer { server in
            let configuration = try RedisConfiguration(url: server.url)
            let pool = RedisConnectionPool(configuration: configuration, logger: Self.logger)
            let subscriptions = Counter()
            let subscriber = RedisSubscriber(configuration: configuration, pingInterval: .milliseconds(200), logger: Self.logger)
            var messages = subscriber.messages(channels: ["promptlib:events", "promptlib:other"]) { await subscriptions.increment() }.makeAsyncIterator()
            try await Self.publishUntilReceived(pool, "promptlib:events", "first", into: &messages)
            try await pool.send(RESPCommand("PUBLISH", "promptlib:other", "second"))
            #expect(await messages.next() == RedisMessage(channel: "promptlib:other", payload: Array("second".utf8)))
            server.stop()
            try server.start()
            try await Self.publishUntilReceived(pool, "promptlib:events", "after restart", into: &messages)
            #expect(await subscriptions.value >= 2)
            await pool.close()
        }
    }

    /// Publishes until the subscriber has it: a subscription is in place only after its confirmation.
    static func publishUntilReceived(
        _ pool: RedisConnectionPool, _ channel: String, _ text: String, into messages: inout AsyncStream<RedisMessage>.Iterator
    ) async throws {
        for _ in 0..<200 {
            if let receivers = try? await pool.send(RESPCommand("PUBLISH", channel, text)).integer, receivers > 0 {
                #expect(await messages.next() == RedisMessage(channel: channel, payload: Array(text.utf8)))
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("nobody subscribed to \(channel)")
    }
}

actor Counter {
    private(set) var value = 0
    func increment() { value += 1 }
}
