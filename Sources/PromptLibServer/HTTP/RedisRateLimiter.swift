import Crypto
import Foundation
import Logging
import PromptLibCore
import PromptLibRedis

/// ``RateLimiter`` shared by every replica, in Redis: one counter per key and window, counted and
/// read in one atomic script, so the sixth wrong password is refused whichever replica it reaches
/// and parallel requests cannot slip past a limit. Keys are hashed (`promptlib:rl:{sha256}`): they
/// hold user input such as login names. When Redis does not answer, the in-process `fallback`
/// counts instead — each replica on its own, until Redis is back — rather than failing requests.
struct RedisRateLimiter: RateLimiter {
    let pool: RedisConnectionPool
    let fallback: any RateLimiter

    /// ARGV: window in ms. Returns the count in this window and the milliseconds left.
    static let consumeScript = RedisScript("""
        local count = redis.call('INCR', KEYS[1])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          ttl = tonumber(ARGV[1])
        end
        return {count, ttl}
        """)

    static let refundScript = RedisScript("""
        if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
        return 1
        """)

    func consume(_ key: String, limit: Int, window: Duration) async -> RateLimitDecision {
        guard let (count, left) = await counter(Self.consumeScript, key, window: window) else {
            return await fallback.consume(key, limit: limit, window: window)
        }
        return RateLimitDecision(allowed: count <= limit, limit: limit, remaining: max(0, limit - count), resetAfter: left)
    }

    func reset(_ key: String) async {
        await fallback.reset(key)
        _ = try? await pool.send(RESPCommand("DEL", Self.redisKey(key)))
    }

    func refund(_ key: String) async {
        if (try? await Self.refundScript.run(on: pool, keys: [Self.redisKey(key)])) == nil {
            await fallback.refund(key)
        }
    }

    /// The count and the time left in the window, or nil when Redis did not answer.
    private func counter(_ script: RedisScript, _ key: String, window: Duration) async -> (Int, Duration)? {
        let milliseconds = max(1, Int(window.components.seconds) * 1000 + Int(window.components.attoseconds / 1_000_000_000_000_000))
        guard let reply = try? await script.run(on: pool, keys: [Self.redisKey(key)], arguments: [String(milliseconds)]),
              let items = reply.array, items.count == 2, let count = items[0].integer, let left = items[1].integer else { return nil }
        return (Int(count), .milliseconds(left > 0 ? left : Int64(milliseconds)))
    }

    static func redisKey(_ key: String) -> String {
        "promptlib:rl:" + Hex.encode(SHA256.hash(data: Data(key.utf8)))
    }
}
