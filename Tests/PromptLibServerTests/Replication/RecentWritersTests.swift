import Foundation
import PromptLibRedis
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// Read-your-writes across replicas: an account that wrote through one replica is known as a
/// recent writer by the others for the window, and only for it.
@Suite("Recent writers", .timeLimit(.minutes(1)))
struct RecentWritersTests {
    @Test("in one process: the writer for the window, no one else")
    func local() async throws {
        let writers = LocalRecentWriters(window: .milliseconds(300))
        await writers.wrote("account-1")
        #expect(await writers.wroteRecently("account-1"))
        #expect(!(await writers.wroteRecently("account-2")))
        try await Task.sleep(for: .milliseconds(400))
        #expect(!(await writers.wroteRecently("account-1")), "the window has passed")
    }

    @Test("through Redis: a write noted by one replica is seen by another until the window ends", .enabled(if: RedisTestServer.available))
    func shared() async throws {
        try await withRedisServer { redis in
            let configuration = try RedisConfiguration(url: redis.url)
            let (poolOne, poolTwo) = (RedisConnectionPool(configuration: configuration, logger: testLogger),
                                      RedisConnectionPool(configuration: configuration, logger: testLogger))
            // A window long enough that a loaded machine (the whole suite runs beside this) answers
            // well inside it.
            let one = RedisRecentWriters(pool: poolOne, window: .seconds(2))
            let two = RedisRecentWriters(pool: poolTwo, window: .seconds(2))
            await one.wrote("account-1")
            #expect(await two.wroteRecently("account-1"), "the other replica knows")
            #expect(!(await two.wroteRecently("account-2")))
            try await Task.sleep(for: .milliseconds(2_300))
            #expect(!(await two.wroteRecently("account-1")), "the key expired with the window")
            await poolOne.close()
            await poolTwo.close()
        }
    }
}
