import Foundation
import PromptLibCore

/// What replicas tell each other for real-time clients, on the bus of its own
/// (`promptlib:realtime`): presence beats, requests to re-announce presence, and news meant for
/// one user only (an enhancement's progress), which never reaches anyone else's connections.
struct RealtimeSignal: BusMessage, Equatable {
    static let channel = "promptlib:realtime"

    enum Kind: String, Codable, Sendable {
        /// A connection's presence in a prompt's room (``PresenceBeat``).
        case presence
        /// A replica's client joined a room: every replica re-announces its own presence there, so
        /// the newcomer sees who is already in it without waiting for the next heartbeat.
        case presenceQuery = "presence_query"
        /// A message for every connection of one user.
        case user
    }

    let kind: Kind
    var beat: PresenceBeat?
    /// The room of a ``Kind/presenceQuery``.
    var room: String?
    /// The user a ``Kind/user`` message is for (by id), and the message.
    var userID: String?
    var message: [String: JSONValue]?

    enum CodingKeys: String, CodingKey {
        case kind, beat, room, message
        case userID = "user_id"
    }

    static func presence(_ beat: PresenceBeat) -> RealtimeSignal { RealtimeSignal(kind: .presence, beat: beat) }
    static func presenceQuery(room: String) -> RealtimeSignal { RealtimeSignal(kind: .presenceQuery, room: room) }
    static func user(_ userID: String, _ message: [String: JSONValue]) -> RealtimeSignal {
        RealtimeSignal(kind: .user, userID: userID, message: message)
    }
}

/// One connection's presence in one room, repeated every heartbeat while it lasts: a replica
/// that stops (or loses Redis) stops repeating it, and every other replica forgets it when
/// `expiresIn` has passed.
struct PresenceBeat: Codable, Sendable, Equatable {
    enum State: String, Codable, Sendable {
        case viewing, editing, left
    }

    let room: String
    /// The connection's id, unique across replicas: one person may have several tabs open.
    let connectionID: String
    let userID: String
    let username: String
    let state: State
    /// Seconds until this beat lapses unless another replaces it.
    let expiresIn: Int

    enum CodingKeys: String, CodingKey {
        case room, username, state
        case connectionID = "connection_id", userID = "user_id", expiresIn = "expires_in"
    }
}
