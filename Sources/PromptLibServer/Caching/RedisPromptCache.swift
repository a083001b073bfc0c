import Foundation
import Logging
import PromptLibRedis
import PromptLibStorage
import Synchronization

/// The prompt cache shared by every replica, in Redis (``RedisPromptCacheScripts``). Writes
/// invalidate in Redis before they answer, so every replica sees them at once. When Redis is
/// away, lookups bypass the cache (the database answers) and a write that could not invalidate
/// marks the cache dirty: once Redis is back, it starts a new key space before anything is read
/// from it again, since entries cached before may be stale. What a request finds in Redis is also
/// kept in a ``NearCache``, which serves the next request at the same cache tag (read with the
/// request's ``SharedCounters``) without a round trip.
final class RedisPromptCache: PromptCache {
    private let pool: RedisConnectionPool
    private let ttlMilliseconds: Int
    private let versionTTLMilliseconds: Int
    /// Writes that could not invalidate since the last fresh start: a counter, not a flag, so a
    /// failure during a fresh start is not cleared by it.
    private let missedInvalidations = Atomic<UInt64>(0)
    private let records = DecodedMemo<PromptRecord>()
    private let versions = DecodedMemo<PromptVersionRecord>()
    private let nearRecords = NearCache<PromptRecord>()
    private let nearVersions = NearCache<PromptVersionRecord>()
    private let logger: Logger

    init(pool: RedisConnectionPool, ttl: Duration = .seconds(30), versionTTL: Duration = .seconds(600), logger: Logger) {
        self.pool = pool
        self.ttlMilliseconds = ttl.redisMilliseconds
        self.versionTTLMilliseconds = versionTTL.redisMilliseconds
        self.logger = logger
    }

    func prompt(_ key: PromptCacheKey) async -> PromptCacheLookup<PromptRecord> {
        let arguments: [String]
        switch key {
        case .id(let id): arguments = ["id", id]
        case .name(let name): arguments = ["name", name]
        case .version: return .bypass
        }
        let tag = nearTag()
        if let tag, let near = nearRecords.value(for: key, at: tag) { return .hit(near) }
        guard let (ticket, found) = await lookup(RedisPromptCacheScripts.lookupPrompt, arguments) else { return .bypass }
        guard let found, let cached = records.decode(found.json, for: key) else { return .miss(ticket: ticket) }
        if case .name(let name) = key, cached.document.name != name { return .miss(ticket: ticket) }
        if let tag, tag.generation == ticket, let left = found.left {
            nearRecords.store(cached, bytes: found.json.count, for: key, at: tag, lifetime: left)
        }
        return .hit(cached)
    }

    func version(id: String, number: Int) async -> PromptCacheLookup<PromptVersionRecord> {
        let key = PromptCacheKey.version(id: id, number: number)
        let tag = nearTag()
        if let tag, let near = nearVersions.value(for: key, at: tag) { return .hit(near) }
        guard let (ticket, found) = await lookup(RedisPromptCacheScripts.lookupVersion, [id, String(number)]) else { return .bypass }
        guard let found, let cached = versions.decode(found.json, for: key) else { return .miss(ticket: ticket) }
        if let tag, tag.generation == ticket, let left = found.left {
            nearVersions.store(cached, bytes: found.json.count, for: key, at: tag, lifetime: left)
        }
        return .hit(cached)
    }

    /// The request's cache tag, when the near cache may answer: read this request, and no write
    /// of this replica's waits to be made up for.
    private func nearTag() -> SharedCounters.CacheTag? {
        missedInvalidations.load(ordering: .acquiring) == 0 ? SharedCounters.current?.cache : nil
    }

    func store(_ record: PromptRecord, for key: PromptCacheKey, ticket: UInt64) async {
        guard let json = try? JSONEncoder().encode(record) else { return }
        _ = try? await eval(RedisPromptCacheScripts.storePrompt,
                            [String(ticket), record.id, record.document.name, String(decoding: json, as: UTF8.self), String(ttlMilliseconds)])
    }

    func store(_ version: PromptVersionRecord, ticket: UInt64) async {
        guard let number = version.document.version, let json = try? JSONEncoder().encode(version) else { return }
        _ = try? await eval(RedisPromptCacheScripts.storeVersion,
                            [version.promptID, String(number), String(decoding: json, as: UTF8.self), String(versionTTLMilliseconds)])
    }

    func invalidate(ids: [String]) async {
        do {
            _ = try await eval(RedisPromptCacheScripts.invalidate, ids)
        } catch {
            if missedInvalidations.wrappingAdd(1, ordering: .acquiringAndReleasing).oldValue == 0 {
                logger.warning("a write could not invalidate the Redis cache; it is bypassed until Redis answers again")
            }
        }
    }

    /// Asks Redis itself, so health is right on an idle replica too. Generic on purpose: health
    /// is public, and the reason names hosts (the log has it).
    func problem() async -> String? {
        (try? await pool.send(RESPCommand("PING"))) == nil ? "Redis is unavailable; the database answers every read" : nil
    }

    /// The generation and the cached JSON with the time its entry has left (nil on a miss; the time
    /// nil when Redis did not say), or nil when the cache must be bypassed.
    private func lookup(_ script: RedisScript, _ arguments: [String]) async -> (UInt64, (json: Data, left: Duration?)?)? {
        let missed = missedInvalidations.load(ordering: .acquiring)
        if missed > 0 {
            guard (try? await eval(RedisPromptCacheScripts.flush, [])) != nil else { return nil }
            // Cleared only if no write failed meanwhile; otherwise the next lookup starts afresh again.
            if missedInvalidations.compareExchange(expected: missed, desired: 0, ordering: .acquiringAndReleasing).exchanged {
                logger.notice("the Redis cache starts afresh after a write it could not invalidate")
            }
        }
        guard let reply = try? await eval(script, arguments), let items = reply.array,
              let ticket = items.first?.string.flatMap({ UInt64($0) }) else { return nil }
        guard items.count > 1, case .bulkString(let bytes?) = items[1] else { return (ticket, nil) }
        let left = items.count > 2 ? items[2].integer.flatMap { $0 > 0 ? Duration.milliseconds($0) : nil } : nil
        return (ticket, (Data(bytes), left))
    }

    private func eval(_ script: RedisScript, _ arguments: [String]) async throws -> RESPValue {
        try await script.run(on: pool, arguments: arguments)
    }
}
