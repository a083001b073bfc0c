@testable import PromptLibRedis
import Testing

/// `REDIS_URL` is read as operators write it, and refused with a plain reason otherwise.
@Suite("REDIS_URL")
struct RedisConfigurationTests {
    @Test("host, port, credentials, database and TLS are read; the password is never shown")
    func forms() throws {
        let plain = try RedisConfiguration(url: "redis://cache.internal")
        #expect(plain.host == "cache.internal" && plain.port == 6379 && plain.database == 0 && !plain.useTLS && plain.password == nil)
        let full = try RedisConfiguration(url: "rediss://app:s%40cret@10.0.0.5:6380/3")
        #expect(full.username == "app" && full.password == "s@cret" && full.port == 6380 && full.database == 3 && full.useTLS)
        #expect(full.redacted == "rediss://app:***@10.0.0.5:6380/3")
        let passwordOnly = try RedisConfiguration(url: "redis://:hunter2@localhost:7000/")
        #expect(passwordOnly.username == nil && passwordOnly.password == "hunter2" && passwordOnly.database == 0)
        #expect(!passwordOnly.redacted.contains("hunter2"))
        #expect(try RedisConfiguration(url: "redis://:a%2541@h").password == "a%41", "decoded once")
        let ipv6 = try RedisConfiguration(url: "redis://[::1]:6379")
        #expect(ipv6.host == "::1" && ipv6.redacted == "redis://[::1]:6379/0")
    }

    @Test("what is not a Redis URL is refused with the reason", arguments: [
        ("http://localhost:6379", "scheme must be"), ("redis://", "host"), ("redis://localhost:6379/x", "database number"),
        ("redis://localhost:6379/-1", "database number"), ("redis://localhost:6379/0?ssl=true", "query"),
        ("redis://user@localhost", "needs a password"), ("redis://:hunter2%zz@localhost", "two hex digits"), ("localhost:6379", "redis://"),
    ])
    func refused(_ url: String, _ reason: String) {
        do {
            _ = try RedisConfiguration(url: url)
            Issue.record("\(url) was accepted")
        } catch {
            #expect("\(error)".contains(reason), "\(error)")
            #expect(!"\(error)".contains("hunter2"))
        }
    }
}
