import Foundation
import Synchronization

/// The ``TicketStore`` of one process (without Redis, or while it is away). Bounded: past
/// ``capacity`` live tickets, issuing is refused until some are used or expire.
final class LocalTicketStore: TicketStore {
    private struct Held {
        let holder: TicketHolder
        let expires: ContinuousClock.Instant
    }

    private let held = Mutex<[String: Held]>([:])
    private let capacity: Int

    init(capacity: Int = 100_000) {
        self.capacity = capacity
    }

    func issue(_ holder: TicketHolder) async throws -> String {
        let ticket = Tickets.make()
        guard let key = Tickets.key(ticket) else { preconditionFailure("a made ticket always has a key") }
        let now = ContinuousClock.now
        let stored = held.withLock { held -> Bool in
            if held.count >= capacity { held = held.filter { $0.value.expires > now } }
            guard held.count < capacity else { return false }
            held[key] = Held(holder: holder, expires: now + .seconds(Tickets.lifetime))
            return true
        }
        guard stored else {
            throw APIError(.serviceUnavailable, .serviceUnavailable, "Too many real-time tickets are outstanding; try again shortly")
        }
        return ticket
    }

    func redeem(_ ticket: String) async -> TicketHolder? {
        guard let key = Tickets.key(ticket) else { return nil }
        guard let found = held.withLock({ $0.removeValue(forKey: key) }), found.expires > ContinuousClock.now else { return nil }
        return found.holder
    }
}
