import Foundation
import PromptLibRedis

/// Reads ``SharedCounters`` in one atomic script, optionally counting one rate-limit key in the
/// same round trip.
struct RedisSharedCounters: Sendable {
    static let instanceKey = "promptlib:instance"
    let pool: RedisConnectionPool
    /// This process's part of the instance name it gives a Redis that has none yet (the first
    /// replica to ask names it, adding Redis's clock, so a Redis emptied twice is named anew
    /// each time; the others read that name).
    let candidate = UUID().uuidString

    /// KEYS: none, or the rate-limit key to count. ARGV: instance candidate, window in ms.
    /// Returns `{instance, identity gen, cache gen, cache epoch}`, then `count, ms left` when counting.
    static let script = RedisScript("""
        local instance = redis.call('GET', '\(instanceKey)')
        if not instance then
          local now = redis.call('TIME')
          instance = ARGV[1] .. '@' .. now[1] .. '.' .. now[2]
          redis.call('SET', '\(instanceKey)', instance)
        end
        local out = {instance, redis.call('GET', '\(RedisIdentityGeneration.key)') or '0',
                     redis.call('GET', 'promptlib:cache:gen') or '0', redis.call('GET', 'promptlib:cache:epoch') or '0'}
        if #KEYS == 1 then
          local window = ARGV[2]
        \(RedisRateLimiter.countLua)
          out[5] = count
          out[6] = ttl
        end
        return out
        """)

    /// The counters, counting `rateLimit` (key, limit, window) when given; nil when Redis did not answer.
    func read(counting rateLimit: (key: String, limit: Int, window: Duration)? = nil) async -> SharedCounters? {
        var keys: [String] = []
        var arguments = [candidate]
        if let rateLimit {
            keys = [RedisRateLimiter.redisKey(rateLimit.key)]
            arguments.append(String(RedisRateLimiter.milliseconds(rateLimit.window)))
        }
        guard let reply = try? await Self.script.run(on: pool, keys: keys, arguments: arguments), let items = reply.array,
              items.count >= 4, let instance = items[0].string, let identity = items[1].string.flatMap({ UInt64($0) }),
              let generation = items[2].string.flatMap({ UInt64($0) }), let epoch = items[3].string else { return nil }
        var consumed: SharedCounters.Consumed?
        if let rateLimit {
            guard items.count == 6, let count = items[4].integer, let left = items[5].integer else { return nil }
            consumed = .init(key: rateLimit.key, decision: RedisRateLimiter.decision(count: Int(count), left: left, limit: rateLimit.limit, window: rateLimit.window))
        }
        return SharedCounters(instance: instance, identity: Self.distinct(identity, instance: instance),
                              cache: .init(instance: instance, epoch: epoch, generation: generation), consumed: consumed)
    }

    /// `count` moved by a number derived from `instance`, so the same count read from a Redis that
    /// restarted empty reads as a different count (the identity cache then empties itself).
    static func distinct(_ count: UInt64, instance: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: stable across processes, unlike Hasher
        for byte in instance.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return count &+ hash
    }
}
