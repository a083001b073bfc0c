import Foundation

/// Who is in each prompt's room, across replicas: every connection's latest ``PresenceBeat``,
/// until it leaves or its beat lapses. A value type with the time passed in, so that expiry is
/// tested without waiting.
struct PresenceTable: Sendable {
    /// One person in a room as clients see them: a user with several tabs shows once, editing if
    /// any tab edits.
    struct Person: Codable, Sendable, Equatable {
        let userID: String
        let username: String
        let state: PresenceBeat.State

        enum CodingKeys: String, CodingKey {
            case username, state
            case userID = "user_id"
        }
    }

    private struct Entry {
        let beat: PresenceBeat
        let expires: ContinuousClock.Instant
    }

    private var rooms: [String: [String: Entry]] = [:]

    /// Records `beat`; true when the room's people changed.
    mutating func apply(_ beat: PresenceBeat, now: ContinuousClock.Instant) -> Bool {
        let before = people(in: beat.room)
        if beat.state == .left {
            rooms[beat.room]?.removeValue(forKey: beat.connectionID)
        } else {
            rooms[beat.room, default: [:]][beat.connectionID] = Entry(beat: beat, expires: now + .seconds(max(1, beat.expiresIn)))
        }
        if rooms[beat.room]?.isEmpty == true { rooms.removeValue(forKey: beat.room) }
        return people(in: beat.room) != before
    }

    /// Forgets the beats that lapsed by `now`; returns the rooms whose people changed.
    mutating func expire(now: ContinuousClock.Instant) -> [String] {
        var changed: [String] = []
        for (room, entries) in rooms {
            let live = entries.filter { $0.value.expires > now }
            guard live.count != entries.count else { continue }
            let before = people(in: room)
            rooms[room] = live.isEmpty ? nil : live
            if people(in: room) != before { changed.append(room) }
        }
        return changed
    }

    /// The people in `room`, by username.
    func people(in room: String) -> [Person] {
        var byUser: [String: Person] = [:]
        for entry in (rooms[room] ?? [:]).values {
            let beat = entry.beat
            if let seen = byUser[beat.userID], seen.state == .editing { continue }
            byUser[beat.userID] = Person(userID: beat.userID, username: beat.username, state: beat.state)
        }
        return byUser.values.sorted { ($0.username, $0.userID) < ($1.username, $1.userID) }
    }
}
