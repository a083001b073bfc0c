import PromptLibStorage

/// No cache (`PROMPT_CACHE_TTL_SECONDS=0`): every read goes to the database.
struct DisabledPromptCache: PromptCache {
    func prompt(_ key: PromptCacheKey) async -> PromptCacheLookup<PromptRecord> { .bypass }
    func version(id: String, number: Int) async -> PromptCacheLookup<PromptVersionRecord> { .bypass }
    func store(_ record: PromptRecord, for key: PromptCacheKey, ticket: UInt64) async {}
    func store(_ version: PromptVersionRecord, ticket: UInt64) async {}
    func invalidate(ids: [String]) async {}
    func problem() async -> String? { nil }
}
