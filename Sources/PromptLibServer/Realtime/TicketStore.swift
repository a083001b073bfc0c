import Foundation
import PromptLibCore

/// Who a WebSocket ticket was issued to: a signed-in session, checked again when it is redeemed.
struct TicketHolder: Codable, Sendable, Equatable {
    let userID: String
    let sessionID: String

    enum CodingKeys: String, CodingKey {
        case userID = "user_id", sessionID = "session_id"
    }
}

/// Single-use tickets that let a browser open a WebSocket without putting a long-lived token in
/// a URL: issued to a signed-in session by `POST /api/v1/ws/tickets`, redeemed once by
/// `GET /api/v1/ws?ticket=…` within ``lifetime``, on any replica.
protocol TicketStore: Sendable {
    /// Stores `holder` under a new ticket and returns the ticket.
    func issue(_ holder: TicketHolder) async throws -> String
    /// The holder of `ticket`, removing it so that it cannot be used again; nil when it is
    /// unknown, used or expired.
    func redeem(_ ticket: String) async -> TicketHolder?
}

enum Tickets {
    /// How long a ticket can be redeemed.
    static let lifetime = 30

    /// 32 random bytes, base64url: unguessable, and safe in a query string.
    static func make() -> String {
        Base64URL.encode(Data(RandomBytes.make(32)))
    }

    /// The key a ticket is stored under: its hash, so that what is stored cannot be redeemed.
    /// Nil for what cannot be a ticket, which is then never looked up.
    static func key(_ ticket: String) -> String? {
        guard ticket.utf8.count == 43, ticket.utf8.allSatisfy({ $0.isBase64URL }) else { return nil }
        return TokenService.hash(ticket)
    }
}

private extension UInt8 {
    var isBase64URL: Bool {
        (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) || (0x30...0x39).contains(self) || self == 0x2D || self == 0x5F
    }
}
