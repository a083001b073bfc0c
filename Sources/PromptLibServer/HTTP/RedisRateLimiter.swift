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

    /// Counts `KEYS[1]` in a window of `window` ms (a local the caller sets), leaving `count` and
    /// `ttl` (ms left) in locals; ``RedisSharedCounters`` counts with it too.
    static let countLua = """
          local count = redis.call('INCR', KEYS[1])
          local ttl = redis.call('PTTL', KEYS[1])
          if ttl < 0 then
            redis.call('PEXPIRE', KEYS[1], window)
            ttl = tonumber(window)
          end
        """

    /// ARGV: window in ms. Returns the count in this window and the milliseconds left.
    static let consumeScript = RedisScript("""
        local window = ARGV[1]
        \(countLua)
        return {count, ttl}
        """)

    static let refundScript = RedisScript("""
        if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
        return 1
        """)

    func consume(_ key: String, limit: Int, window: Duration) async -> RateLimitDecision {
        if let counted = SharedCounters.current?.counted?.take(for: key) { return counted }
        guard let reply = try? await Self.consumeScript.run(on: pool, keys: [Self.redisKey(key)], arguments: [String(window.redisMilliseconds)]),
              let items = reply.array, items.count == 2, let count = items[0].integer, let left = items[1].integer else {
            return await fallback.consume(key, limit: limit, window: window)
        }
        return Self.decision(count: Int(count), left: left, limit: limit, window: window)
    }

    /// The decision for the `count`th event with `left` ms of the window left.
    static func decision(count: Int, left: Int64, limit: Int, window: Duration) -> RateLimitDecision {
        RateLimitDecision(allowed: count <= limit, limit: limit, remaining: max(0, limit - count),
                          resetAfter: .milliseconds(left > 0 ? left : Int64(window.redisMilliseconds)))
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

    static func redisKey(_ key: String) -> String {
        "promptlib:rl:" + Hex.encode(SHA256.hash(data: Data(key.utf8)))
    }
}
