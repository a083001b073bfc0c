import Foundation
import Logging
import PromptLibCore
import Synchronization

/// This replica's real-time connections and the rooms they are in. It hands each prompt event to
/// the connections in that prompt's room whose session still holds, each user's own news to that
/// user's connections only, and keeps presence from every replica's beats.
///
/// Everything here is quick and non-blocking under one lock; what a connection is sent waits in
/// its own bounded outbox, so one slow client never holds up another.
final class RealtimeHub: Sendable {
    /// One open connection.
    struct Client {
        let userID: String
        let username: String
        let sessionID: String
        /// The prompt rooms it joined (by prompt id) and whether it edits there.
        var rooms: [String: PresenceBeat.State] = [:]
        let outbox: AsyncStream<Outgoing>.Continuation
    }

    private struct State {
        var clients: [String: Client] = [:]
        var presence = PresenceTable()
        /// When this replica last asked the others who is in each room.
        var lastQuery: [String: ContinuousClock.Instant] = [:]
    }

    let limits: RealtimeLimits
    let auth: AuthService
    let prompts: PromptService
    let signals: any EventBus<RealtimeSignal>
    private let state = Mutex(State())
    /// A client's outbox holds this many messages; past it the oldest are dropped.
    static let outboxSize = 256

    init(limits: RealtimeLimits, auth: AuthService, prompts: PromptService, signals: any EventBus<RealtimeSignal>) {
        self.limits = limits
        self.auth = auth
        self.prompts = prompts
        self.signals = signals
    }

    // MARK: Connections

    /// Registers a connection for `identity`, or nil when the user already has as many as
    /// allowed (counted under the lock, so parallel upgrades cannot slip past).
    func open(_ identity: Identity) -> (id: String, outbox: AsyncStream<Outgoing>)? {
        guard let sessionID = identity.sessionID else { return nil }
        let (stream, continuation) = AsyncStream.makeStream(of: Outgoing.self, bufferingPolicy: .bufferingNewest(Self.outboxSize))
        let id = UUID().uuidString.lowercased()
        let admitted = state.withLock { state -> Bool in
            guard state.clients.values.count(where: { $0.userID == identity.userID }) < limits.maxConnectionsPerUser else { return false }
            state.clients[id] = Client(userID: identity.userID, username: identity.username, sessionID: sessionID, outbox: continuation)
            return true
        }
        guard admitted else { return nil }
        return (id, stream)
    }

    /// Forgets a closed connection and tells every replica it left its rooms.
    func close(_ id: String) async {
        guard let client = state.withLock({ $0.clients.removeValue(forKey: id) }) else { return }
        client.outbox.finish()
        for room in client.rooms.keys { await announce(id, client, room: room, .left) }
    }

    /// Closes every connection whose session ended or whose account was disabled; repeats this
    /// replica's presence beats so that other replicas keep them. Run every heartbeat.
    func heartbeat() async {
        let clients = state.withLock { $0.clients }
        for (id, client) in clients {
            if await sessionEnded(client) {
                client.outbox.yield(.close(reason: "the session ended"))
                await close(id)
                continue
            }
            for (room, editing) in client.rooms where stillIn(id, room: room) { await announce(id, client, room: room, editing) }
        }
    }

    /// Whether connection `id` is still in `room`: what was read before an await may be stale,
    /// and a connection that left must not be announced again.
    private func stillIn(_ id: String, room: String) -> Bool {
        state.withLock { $0.clients[id]?.rooms[room] != nil }
    }

    /// At most one presence query per room a second from this replica: joins cannot be turned
    /// into a storm of re-announcements across replicas.
    private func mayQuery(room: String) -> Bool {
        let now = ContinuousClock.now
        return state.withLock { state in
            if let last = state.lastQuery[room], now - last < .seconds(1) { return false }
            if state.lastQuery.count > 10_000 { state.lastQuery = state.lastQuery.filter { now - $0.value < .seconds(1) } }
            state.lastQuery[room] = now
            return true
        }
    }

    /// Whether the client's session has certainly ended; a database that cannot say keeps it open.
    private func sessionEnded(_ client: Client) async -> Bool {
        do {
            return try await auth.sessionIdentity(userID: client.userID, sessionID: client.sessionID) == nil
        } catch {
            return false
        }
    }

    /// Forgets presence whose beats lapsed (a replica that stopped) and tells the rooms.
    func expirePresence(now: ContinuousClock.Instant = .now) {
        let changed = state.withLock { $0.presence.expire(now: now) }
        for room in changed { sendPresence(room: room) }
    }

    /// How many connections this replica holds (for health and tests).
    var connectionCount: Int { state.withLock { $0.clients.count } }

    // MARK: What clients ask

    /// Sends `message` to one connection.
    func send(_ id: String, _ message: Outgoing) {
        _ = state.withLock { $0.clients[id] }?.outbox.yield(message)
    }

    /// Joins a room: a prompt's, when the session still holds and the prompt exists; one's own
    /// user room (always joined); never another user's.
    func subscribe(_ id: String, room text: String) async {
        guard let client = state.withLock({ $0.clients[id] }) else { return }
        switch RealtimeRoom(text) {
        case .user(let userID) where userID == client.userID:
            send(id, .message("subscribed", ["room": .string(text)]))
        case .user:
            send(id, .error("forbidden", "Only your own user room can be joined", room: text))
        case nil:
            send(id, .error("invalid_room", "Rooms are named prompt:{id} or user:{your id}", room: text))
        case .prompt(let promptID):
            do {
                guard try await auth.sessionIdentity(userID: client.userID, sessionID: client.sessionID) != nil else {
                    return send(id, .close(reason: "the session ended"))
                }
                _ = try await prompts.find(id: promptID)
            } catch {
                return send(id, .error("not_found", "No prompt has this id, or it cannot be read", room: text))
            }
            enum Join { case joined, already, full }
            let join = state.withLock { state -> Join? in
                guard var current = state.clients[id] else { return nil }
                if current.rooms[promptID] != nil { return .already }
                guard current.rooms.count < limits.maxRoomsPerConnection else { return .full }
                current.rooms[promptID] = .viewing
                state.clients[id] = current
                return .joined
            }
            guard let join else { return }
            if join == .full { return send(id, .error("too_many_rooms", "A connection can be in at most \(limits.maxRoomsPerConnection) prompt rooms", room: text)) }
            send(id, .message("subscribed", ["room": .string(RealtimeRoom.prompt(promptID).name), "prompt_id": .string(promptID)]))
            // Joining again changes nothing and asks nobody anything: it cannot be used to make
            // every replica re-announce a room.
            if join == .already { return sendPresence(room: promptID, to: id) }
            // When joining changed nothing others see (the user is there in another tab), the
            // newcomer is still owed the room's people.
            if !(await announce(id, client, room: promptID, .viewing)) { sendPresence(room: promptID, to: id) }
            if mayQuery(room: promptID) { await signals.publish(.presenceQuery(room: promptID)) }
        }
    }

    /// Leaves a prompt's room.
    func unsubscribe(_ id: String, room text: String) async {
        guard case .prompt(let promptID) = RealtimeRoom(text) else {
            return send(id, .error("invalid_room", "Only prompt rooms can be left", room: text))
        }
        guard let client = state.withLock({ state -> Client? in
            guard state.clients[id]?.rooms.removeValue(forKey: promptID) != nil else { return nil }
            return state.clients[id]
        }) else { return send(id, .error("not_subscribed", "This connection is not in that room", room: text)) }
        send(id, .message("unsubscribed", ["room": .string(text)]))
        await announce(id, client, room: promptID, .left)
    }

    /// Marks the connection as editing (or only viewing) a prompt whose room it is in.
    func setEditing(_ id: String, room text: String, _ editing: Bool) async {
        let state: PresenceBeat.State = editing ? .editing : .viewing
        guard case .prompt(let promptID) = RealtimeRoom(text),
              let client = self.state.withLock({ all -> Client? in
                  guard all.clients[id]?.rooms[promptID] != nil else { return nil }
                  all.clients[id]?.rooms[promptID] = state
                  return all.clients[id]
              }) else {
            return send(id, .error("not_subscribed", "Join the prompt's room before saying you edit it", room: text))
        }
        await announce(id, client, room: promptID, state)
    }

    // MARK: What replicas tell

    /// Hands a prompt event to the connections in its room whose session still holds.
    func deliver(_ event: PromptEvent) async {
        let members = state.withLock { state in state.clients.filter { $0.value.rooms[event.promptID] != nil } }
        guard !members.isEmpty else { return }
        let message = Outgoing.json(event)
        var allowed: [String: Bool] = [:]
        for (_, client) in members {
            let key = client.userID + " " + client.sessionID
            if allowed[key] == nil {
                // A session that cannot be checked is not sent to: nothing leaks while the database is away.
                allowed[key] = (try? await auth.sessionIdentity(userID: client.userID, sessionID: client.sessionID)) != nil
            }
            if allowed[key] == true { client.outbox.yield(message) }
        }
    }

    /// Applies what a replica (this one included) signalled.
    func receive(_ signal: RealtimeSignal) async {
        switch signal.kind {
        case .presence:
            guard let beat = signal.beat else { return }
            if state.withLock({ $0.presence.apply(beat, now: .now) }) { sendPresence(room: beat.room) }
        case .presenceQuery:
            guard let room = signal.room else { return }
            let mine = state.withLock { state in state.clients.filter { $0.value.rooms[room] != nil } }
            for (id, client) in mine where stillIn(id, room: room) { await announce(id, client, room: room, client.rooms[room] ?? .viewing) }
        case .user:
            guard let userID = signal.userID, let message = signal.message else { return }
            let outboxes = state.withLock { state in state.clients.values.filter { $0.userID == userID }.map(\.outbox) }
            let outgoing = Outgoing.json(message)
            for outbox in outboxes { outbox.yield(outgoing) }
        }
    }

    // MARK: Presence

    /// Records a connection's presence here at once (its members hear of a change before the
    /// bus brings the beat back) and tells every replica; true when the room's people changed.
    @discardableResult
    private func announce(_ id: String, _ client: Client, room: String, _ presence: PresenceBeat.State) async -> Bool {
        let beat = PresenceBeat(room: room, connectionID: id, userID: client.userID, username: client.username, state: presence,
                                expiresIn: Int(limits.presenceTimeout.components.seconds))
        let changed = state.withLock { $0.presence.apply(beat, now: .now) }
        if changed { sendPresence(room: room) }
        await signals.publish(.presence(beat))
        return changed
    }

    /// Sends a room's people to its members here (or to one of them).
    private func sendPresence(room: String, to only: String? = nil) {
        let (people, outboxes) = state.withLock { state in
            (state.presence.people(in: room),
             state.clients.filter { $0.value.rooms[room] != nil && (only == nil || $0.key == only) }.map(\.value.outbox))
        }
        guard !outboxes.isEmpty else { return }
        let message = Outgoing.json(PresenceMessage(promptID: room, people: people))
        for outbox in outboxes { outbox.yield(message) }
    }

    /// The `presence` message.
    struct PresenceMessage: Encodable {
        let type = "presence"
        let promptID: String
        let people: [PresenceTable.Person]

        enum CodingKeys: String, CodingKey {
            case type, people, room
            case promptID = "prompt_id"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(type, forKey: .type)
            try container.encode(promptID, forKey: .promptID)
            try container.encode(RealtimeRoom.prompt(promptID).name, forKey: .room)
            try container.encode(people, forKey: .people)
        }
    }
}
