/// The Lua scripts of ``RedisPromptCache``: each lookup, store and invalidation is one round trip
/// and atomic. Keys are `promptlib:cache:{epoch}:prompt:{id}`, `…:name:{name}` (→ id) and
/// `…:version:{id}:{n}`; `promptlib:cache:gen` counts writes (a store carries the generation its
/// lookup saw and is dropped if a write came since) and `promptlib:cache:epoch` starts a new
/// key space when a replica could not invalidate (Redis was away during a write). The scripts
/// build key names from the epoch, so they suit one Redis server, not Redis Cluster.
enum RedisPromptCacheScripts {
    static let prelude = """
        local gen = redis.call('GET', 'promptlib:cache:gen') or '0'
        local base = 'promptlib:cache:' .. (redis.call('GET', 'promptlib:cache:epoch') or '0') .. ':'
        """

    /// ARGV: `id` or `name`, the id or name. Returns `{gen}` or `{gen, json, ms the entry has left}`.
    static let lookupPrompt = RedisScript(prelude + """
        local id = ARGV[2]
        if ARGV[1] == 'name' then
          id = redis.call('GET', base .. 'name:' .. ARGV[2])
          if not id then return {gen} end
        end
        local json = redis.call('GET', base .. 'prompt:' .. id)
        if not json then return {gen} end
        local left = redis.call('PTTL', base .. 'prompt:' .. id)
        if ARGV[1] == 'name' then left = math.min(left, redis.call('PTTL', base .. 'name:' .. ARGV[2])) end
        return {gen, json, left}
        """)

    /// ARGV: id, number. Returns `{gen}` or `{gen, json, ms the entry has left}`.
    static let lookupVersion = RedisScript(prelude + """
        local key = base .. 'version:' .. ARGV[1] .. ':' .. ARGV[2]
        local json = redis.call('GET', key)
        if not json then return {gen} end
        return {gen, json, redis.call('PTTL', key)}
        """)

    /// ARGV: ticket, id, name, json, ttl in ms. Stores the prompt and its name unless a write came.
    static let storePrompt = RedisScript(prelude + """
        if gen ~= ARGV[1] then return 0 end
        redis.call('SET', base .. 'prompt:' .. ARGV[2], ARGV[4], 'PX', ARGV[5])
        redis.call('SET', base .. 'name:' .. ARGV[3], ARGV[2], 'PX', ARGV[5])
        return 1
        """)

    /// ARGV: id, number, json, ttl in ms. Versions never change: no ticket needed.
    static let storeVersion = RedisScript(prelude + """
        redis.call('SET', base .. 'version:' .. ARGV[1] .. ':' .. ARGV[2], ARGV[3], 'PX', ARGV[4])
        return 1
        """)

    /// ARGV: the ids written. Counts the write first, then forgets the prompts.
    static let invalidate = RedisScript("""
        redis.call('INCR', 'promptlib:cache:gen')
        local base = 'promptlib:cache:' .. (redis.call('GET', 'promptlib:cache:epoch') or '0') .. ':'
        for _, id in ipairs(ARGV) do redis.call('DEL', base .. 'prompt:' .. id) end
        return 1
        """)

    /// Starts a new key space: what was cached before may be stale.
    static let flush = RedisScript("""
        redis.call('INCR', 'promptlib:cache:gen')
        return redis.call('INCR', 'promptlib:cache:epoch')
        """)
}
