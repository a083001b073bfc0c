import Foundation
import Logging
import PromptLibRedis
import Synchronization

/// Reads ``SharedCounters`` in one atomic script, optionally counting one rate-limit key in the
/// same round trip.
final class RedisSharedCounters: Sendable {
    static let instanceKey = "promptlib:instance"
    private let pool: RedisConnectionPool
    /// Names this process gives a Redis found without `promptlib:instance` (each call a new one).
    private let process = UUID().uuidString
    private let calls = Atomic<UInt64>(0)
    private let logger: Logger
    /// Whether the last read failed for a reason other than Redis being away, so that it is
    /// logged once per change rather than per request.
    private let failing = Atomic(false)

    init(pool: RedisConnectionPool, logger: Logger) {
        self.pool = pool
        self.logger = logger
    }

    /// KEYS: none, or the rate-limit key to count. ARGV: a name for the instance if it has none,
    /// then the window in ms when counting. Returns `{run, identity gen, cache gen, cache epoch}`,
    /// then `count, ms left` when counting. `run` is the server's run id, which changes whenever it
    /// starts (from a snapshot too, or on another server after a failover), with the instance name,
    /// which a `FLUSHALL` removes (needs Redis 5 or later: `INFO` before a write).
    static let script = RedisScript("""
        local instance = redis.call('GET', '\(instanceKey)')
        if not instance then
          instance = ARGV[1]
          redis.call('SET', '\(instanceKey)', instance)
        end
        local run = string.match(redis.call('INFO', 'server'), 'run_id:(%w+)') .. '/' .. instance
        local out = {run, redis.call('GET', '\(RedisIdentityGeneration.key)') or '0',
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
        var arguments = ["\(process)-\(calls.add(1, ordering: .relaxed).newValue)"]
        if let rateLimit {
            keys = [RedisRateLimiter.redisKey(rateLimit.key)]
            arguments.append(String(rateLimit.window.redisMilliseconds))
        }
        let reply: RESPValue
        do {
            reply = try await Self.script.run(on: pool, keys: keys, arguments: arguments)
        } catch {
            if case RedisError.server = error { noteFailure("the shared counters script failed: \(error)") }
            return nil
        }
        guard let items = reply.array, items.count >= 4, let run = items[0].string, !run.isEmpty,
              let identity = items[1].string.flatMap({ UInt64($0) }), let generation = items[2].string.flatMap({ UInt64($0) }),
              let epoch = items[3].string else {
            noteFailure("the shared counters script answered something unexpected")
            return nil
        }
        var counted: SharedCounters.Counted?
        if let rateLimit {
            guard items.count == 6, let count = items[4].integer, let left = items[5].integer else { return nil }
            counted = .init(key: rateLimit.key, decision: RedisRateLimiter.decision(count: Int(count), left: left, limit: rateLimit.limit, window: rateLimit.window))
        }
        if failing.exchange(false, ordering: .acquiringAndReleasing) { logger.notice("the shared counters are read again") }
        return SharedCounters(identity: Self.distinct(identity, run: run), cache: .init(run: run, epoch: epoch, generation: generation), counted: counted)
    }

    private func noteFailure(_ message: String) {
        if !failing.exchange(true, ordering: .acquiringAndReleasing) {
            logger.warning("\(message); each part asks Redis on its own until it works")
        }
    }

    /// `count` moved by a number derived from `run`, so the same count read from a Redis that
    /// restarted reads as a different count (the identity cache then empties itself).
    static func distinct(_ count: UInt64, run: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: stable across processes, unlike Hasher
        for byte in run.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return count &+ hash
    }
}
