import PromptLibStorage

/// What the prompt cache holds: a prompt (with its labels) by id or by name, and immutable
/// versions. Applications fetching `name@production` read through it.
enum PromptCacheKey: Hashable, Sendable {
    case id(String)
    case name(String)
    case version(id: String, number: Int)
}

/// What a lookup found: the cached value, or a miss with the ticket that lets the reader store
/// what it then reads from the database.
enum PromptCacheLookup<Value: Sendable>: Sendable {
    case hit(Value)
    /// Store with this ticket: a write that completes meanwhile invalidates the ticket, so a reader
    /// that read the database before that write cannot put the old value back.
    case miss(ticket: UInt64)
    /// The cache is not usable now (Redis away): read the database and store nothing.
    case bypass
}

/// A cache of prompts in front of the database. The rule it keeps: a read never returns a version
/// older than one a completed write made visible. Every write invalidates (``invalidate(ids:)``)
/// before it answers, and bumps a generation, so a reader that missed before the write cannot
/// store what it read.
protocol PromptCache: Sendable {
    func prompt(_ key: PromptCacheKey) async -> PromptCacheLookup<PromptRecord>
    func version(id: String, number: Int) async -> PromptCacheLookup<PromptVersionRecord>
    /// Stores what the database said for `key`, unless a write came since `ticket`.
    func store(_ record: PromptRecord, for key: PromptCacheKey, ticket: UInt64) async
    func store(_ version: PromptVersionRecord, ticket: UInt64) async
    /// Forgets these prompts (by id, and every name that pointed at them), on every replica.
    func invalidate(ids: [String]) async
    /// `nil` while the cache works; otherwise why it is bypassed (health shows it).
    func problem() async -> String?
}

extension PromptCache {
    /// Runs a write, then invalidates `ids` — also when the write throws, as the database may
    /// have committed before the error.
    func invalidating<T>(_ ids: [String], _ write: () async throws -> T) async throws -> T {
        do {
            let result = try await write()
            await invalidate(ids: ids)
            return result
        } catch {
            await invalidate(ids: ids)
            throw error
        }
    }
}
