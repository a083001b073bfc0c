/// What a client sends: `{"type": "subscribe" | "unsubscribe" | "editing.started" |
/// "editing.stopped" | "ping", "room": "prompt:{id}"}`.
struct ClientMessage: Decodable {
    let type: String
    let room: String?
}
