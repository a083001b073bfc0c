import Crypto
import Foundation
import PromptLibCore
import PromptLibRedis

/// A Lua script run by its SHA-1 (`EVALSHA`): each call sends the digest, not the script, and Redis
/// does not hash the text again on every request. A server that lacks it (new, or restarted) gets
/// it once through `EVAL`, which also caches it there.
struct RedisScript: Sendable {
    let source: String
    let sha: String

    init(_ source: String) {
        self.source = source
        sha = Hex.encode(Insecure.SHA1.hash(data: Data(source.utf8)))
    }

    func run(on pool: RedisConnectionPool, keys: [String] = [], arguments: [String] = []) async throws -> RESPValue {
        let rest = [String(keys.count)] + keys + arguments
        do {
            return try await pool.send(RESPCommand("EVALSHA", arguments: [sha] + rest))
        } catch RedisError.server(let code, _) where code == "NOSCRIPT" {
            return try await pool.send(RESPCommand("EVAL", arguments: [source] + rest))
        }
    }
}
