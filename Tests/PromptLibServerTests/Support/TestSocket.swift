import Foundation
import HummingbirdTesting
import HummingbirdWSClient
import Logging
import Testing
import NIOWebSocket
@testable import PromptLibServer

/// A WebSocket client for the real-time tests: it connects for real (the server upgrades a
/// live socket), keeps what the server sends, and sends JSON on demand.
final class TestSocket: Sendable {
    private let outgoing: AsyncStream<String>.Continuation
    private let task: Task<WebSocketCloseFrame?, any Error>

    struct Refused: Error {}

    /// Connects to `/api/v1/ws?ticket=…` on `port`, and waits for the server's `welcome`.
    init(port: Int, ticket: String) async throws {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        outgoing = continuation
        let box = ReceivedBox()
        task = Task {
            defer { box.finish() }
            return try await WebSocketClient.connect(url: "ws://localhost:\(port)/api/v1/ws?ticket=\(ticket)", logger: Logger(label: "test-socket")) { inbound, outbound, _ in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { for await text in stream { try await outbound.write(.text(text)) } ; try await outbound.close(.normalClosure, reason: nil) }
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        if case .text(let text) = message, let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] {
                            box.append(object)
                        }
                    }
                    group.cancelAll()
                }
            }
        }
        self.box = box
        guard try await next("welcome", within: .seconds(5)) != nil else { throw Refused() }
    }

    private let box: ReceivedBox

    /// Sends a JSON object.
    func send(_ object: [String: Any]) {
        outgoing.yield(String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self))
    }

    /// Sends raw text.
    func sendText(_ text: String) { outgoing.yield(text) }

    /// The first message of `type` not yet taken, waiting up to `within`; nil if none came.
    @discardableResult
    func next(_ type: String, within: Duration = .seconds(3), where matches: ([String: Any]) -> Bool = { _ in true }) async throws -> [String: Any]? {
        let deadline = ContinuousClock.now + within
        while ContinuousClock.now < deadline {
            if let found = box.take({ $0["type"] as? String == type && matches($0) }) { return found }
            if box.isFinished { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        return box.take { $0["type"] as? String == type && matches($0) }
    }

    /// Every message received so far and not taken.
    var pending: [[String: Any]] { box.all }

    /// Closes from the client's side and returns the server's close frame.
    func close() async throws -> WebSocketCloseFrame? {
        outgoing.finish()
        return try await task.value
    }

    /// Waits for the server to close the connection; its close frame.
    func closed(within: Duration = .seconds(5)) async throws -> WebSocketCloseFrame? {
        let deadline = ContinuousClock.now + within
        while !box.isFinished, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        guard box.isFinished else { return nil }
        do {
            return try await task.value
        } catch {
            Issue.record("the connection ended without a close frame: \(error)")
            return nil
        }
    }

    var isClosed: Bool { box.isFinished }
}

private final class ReceivedBox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [[String: Any]] = []

    func append(_ message: [String: Any]) { lock.withLock { messages.append(message) } }

    func take(_ matches: ([String: Any]) -> Bool) -> [String: Any]? {
        lock.withLock {
            guard let index = messages.firstIndex(where: matches) else { return nil }
            return messages.remove(at: index)
        }
    }

    var all: [[String: Any]] { lock.withLock { messages } }

    private var finished = false
    func finish() { lock.withLock { finished = true } }
    var isFinished: Bool { lock.withLock { finished } }
}

extension TestClientProtocol {
    /// A ticket for the session behind `token`.
    func wsTicket(token: String) async throws -> String {
        let response = try await call(.post, "/api/v1/ws/tickets", token: token)
        guard response.status == .created, let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any],
              let ticket = object["ticket"] as? String else { throw TestSocket.Refused() }
        return ticket
    }

    /// A socket for the session behind `token`, on this live server.
    func socket(token: String) async throws -> TestSocket {
        guard let port else { preconditionFailure("WebSockets need a live test server") }
        return try await TestSocket(port: port, ticket: try await wsTicket(token: token))
    }
}
