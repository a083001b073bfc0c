/// A room a connection can be in: a prompt's (its events and presence) or a user's own (what
/// concerns that user alone). Parsed from the client's `"room"` text.
enum RealtimeRoom: Equatable, Sendable {
    case prompt(String)
    case user(String)

    init?(_ text: String) {
        guard text.utf8.count <= 120 else { return nil }
        if text.hasPrefix("prompt:") {
            // The id as prompts are stored: lowercase, so that one prompt is one room.
            guard let id = try? PromptService.checkedID(String(text.dropFirst("prompt:".count))) else { return nil }
            self = .prompt(id)
        } else if text.hasPrefix("user:"), !text.dropFirst("user:".count).isEmpty {
            self = .user(String(text.dropFirst("user:".count)))
        } else {
            return nil
        }
    }

    var name: String {
        switch self {
        case .prompt(let id): "prompt:" + id
        case .user(let id): "user:" + id
        }
    }
}
