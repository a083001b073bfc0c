import Foundation
import HummingbirdWebSocket
import Synchronization

/// One WebSocket connection, from upgrade to close: it reads what the client sends (within the
/// size and rate limits), writes what the hub queues for it, and closes it when it has been idle
/// too long, when its session ends, or when the server shuts down.
struct RealtimeSession {
    let hub: RealtimeHub

    func run(_ identity: Identity, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        let limits = hub.limits
        guard let (id, outbox) = hub.open(identity) else {
            try await outbound.close(.policyViolation, reason: "too many connections for this account")
            return
        }
        hub.send(id, .message("welcome", [
            "connection_id": .string(id), "user_id": .string(identity.userID), "room": .string(RealtimeRoom.user(identity.userID).name),
            "idle_timeout_seconds": .number(Double(limits.idleTimeout.components.seconds)),
        ]))
        let lastHeard = LastHeard()
        await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await item in outbox {
                    switch item {
                    case .text(let text): try await outbound.write(.text(text))
                    case .close(let reason):
                        try await outbound.close(.policyViolation, reason: reason)
                        return
                    }
                }
            }
            group.addTask {
                while true {
                    let idle = ContinuousClock.now - lastHeard.instant
                    if idle >= limits.idleTimeout {
                        try await outbound.close(.normalClosure, reason: "idle")
                        return
                    }
                    try await Task.sleep(for: min(limits.idleTimeout - idle, .seconds(1)))
                }
            }
            group.addTask {
                var bucket = TokenBucket(rate: limits.messagesPerSecond, burst: limits.messagesPerSecond * 2)
                // A message over the limit ends the iteration with an error, and the connection
                // is closed with 1009.
                for try await message in inbound.messages(maxSize: limits.maxMessageBytes) {
                    lastHeard.now()
                    guard bucket.take() else {
                        hub.send(id, .error("rate_limited", "At most \(limits.messagesPerSecond) messages a second; this one was dropped"))
                        continue
                    }
                    await handle(message, from: id)
                }
            }
            // Whichever ends first (the client left, the writer closed, idleness) ends the rest.
            _ = try? await group.next()
            group.cancelAll()
        }
        await hub.close(id)
    }

    private func handle(_ message: WebSocketMessage, from id: String) async {
        guard case .text(let text) = message else {
            return hub.send(id, .error("invalid_message", "Messages are JSON text"))
        }
        guard let parsed = try? JSONDecoder().decode(ClientMessage.self, from: Data(text.utf8)) else {
            return hub.send(id, .error("invalid_message", #"Messages are JSON objects with a "type""#))
        }
        switch parsed.type {
        case "ping":
            hub.send(id, .message("pong"))
        case "subscribe", "unsubscribe", "editing.started", "editing.stopped":
            guard let room = parsed.room else { return hub.send(id, .error("invalid_message", #"This message type needs a "room""#)) }
            switch parsed.type {
            case "subscribe": await hub.subscribe(id, room: room)
            case "unsubscribe": await hub.unsubscribe(id, room: room)
            default: await hub.setEditing(id, room: room, parsed.type == "editing.started")
            }
        default:
            hub.send(id, .error("unknown_type", "Unknown message type; send subscribe, unsubscribe, editing.started, editing.stopped or ping"))
        }
    }
}

/// When a connection last heard from its client, shared by its reader and its idle watchdog.
private final class LastHeard: Sendable {
    private let value = Mutex(ContinuousClock.now)
    var instant: ContinuousClock.Instant { value.withLock { $0 } }
    func now() { value.withLock { $0 = .now } }
}
