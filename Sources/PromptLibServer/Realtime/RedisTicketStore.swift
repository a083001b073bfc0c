import Foundation
import PromptLibRedis

/// The ``TicketStore`` of replicas sharing Redis: a ticket issued on one replica is redeemed on
/// whichever one nginx sends the WebSocket to. `SET … EX` expires it; `GETDEL` takes it exactly
/// once, however many replicas try at the same moment. While Redis is away, tickets are issued
/// and redeemed in process (a client then needs the same replica, which it usually reaches).
struct RedisTicketStore: TicketStore {
    let pool: RedisConnectionPool
    let fallback = LocalTicketStore()

    private static func redisKey(_ key: String) -> String { "promptlib:ws-ticket:" + key }

    func issue(_ holder: TicketHolder) async throws -> String {
        let ticket = Tickets.make()
        guard let key = Tickets.key(ticket) else { preconditionFailure("a made ticket always has a key") }
        let value = String(decoding: try JSONEncoder().encode(holder), as: UTF8.self)
        do {
            _ = try await pool.send(RESPCommand("SET", Self.redisKey(key), value, "EX", String(Tickets.lifetime)))
            return ticket
        } catch {
            return try await fallback.issue(holder)
        }
    }

    func redeem(_ ticket: String) async -> TicketHolder? {
        guard let key = Tickets.key(ticket) else { return nil }
        if let reply = try? await pool.send(RESPCommand("GETDEL", Self.redisKey(key))), let text = reply.string,
           let holder = try? JSONDecoder().decode(TicketHolder.self, from: Data(text.utf8)) {
            return holder
        }
        return await fallback.redeem(ticket)
    }
}
