import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PromptLibTestSupport
import Synchronization

/// A model provider's API on a local port, answering from a script with the provider's real wire
/// format (the files of Tests/ProviderFixtures, which scripts/sdk/replies.py checks against the
/// official SDKs). It records what it was sent.
final class FakeProvider: Sendable {
    /// One scripted answer.
    struct Answer: Sendable {
        var status = 200
        var headers: [(String, String)] = [("Content-Type", "application/json")]
        var body = ""
        /// Waited before the head is sent.
        var delay: Duration = .zero
        /// Sent as a stream, one part at a time, instead of `body`.
        var parts: [String]?
        /// Sent as a stream of bytes, one part at a time (binary framings).
        var binary: [[UInt8]]?
        /// The wait before each part.
        var partDelay: Duration = .milliseconds(5)
        /// Drops the connection after the parts instead of ending the answer.
        var breakOff = false

        static func json(_ body: String, status: Int = 200, headers: [(String, String)] = []) -> Answer {
            Answer(status: status, headers: [("Content-Type", "application/json")] + headers, body: body)
        }

        /// `bytes` in parts of `size`, cut wherever that falls (inside messages too).
        static func binary(_ bytes: [UInt8], contentType: String, size: Int = 50) -> Answer {
            let parts = stride(from: 0, to: bytes.count, by: size).map { Array(bytes[$0..<min($0 + size, bytes.count)]) }
            return Answer(status: 200, headers: [("Content-Type", contentType)], binary: parts)
        }

        static func events(_ text: String) -> Answer {
            // Cut between events, so the client has to put a stream back together from parts.
            let parts = text.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { $0 + "\n\n" }
            return Answer(status: 200, headers: [("Content-Type", "text/event-stream")], parts: parts)
        }
    }

    /// One request it received.
    struct Received: Sendable {
        var path: String
        var headers: [String: String]
        var body: String
    }

    private struct State {
        var script: [Answer] = []
        var fallback = Answer.json("{}")
        var received: [Received] = []
    }

    private let state = Mutex(State())
    let port: Int

    var url: String { "http://127.0.0.1:\(port)" }

    private init(port: Int) {
        self.port = port
    }

    /// Answers given in order, then `fallback` for every later request.
    func script(_ answers: [Answer], then fallback: Answer? = nil) {
        state.withLock {
            $0.script = answers
            if let fallback { $0.fallback = fallback }
        }
    }

    var received: [Received] { state.withLock { $0.received } }

    private func answer(_ received: Received) -> Answer {
        state.withLock { state in
            state.received.append(received)
            return state.script.isEmpty ? state.fallback : state.script.removeFirst()
        }
    }

    /// Starts a fake on a free port, runs `body`, and stops it.
    static func with<R: Sendable>(_ body: @Sendable (FakeProvider) async throws -> R) async throws -> R {
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let box = Mutex<FakeProvider?>(nil)
        let router = Router()
        router.on("**", method: .post) { request, context -> Response in
            guard let fake = box.withLock({ $0 }) else { return Response(status: .serviceUnavailable) }
            let bytes = try await request.body.collect(upTo: 16 * 1_048_576)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let path = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
            let answer = fake.answer(Received(path: path, headers: headers, body: String(buffer: bytes)))
            if answer.delay > .zero { try await Task.sleep(for: answer.delay) }
            var fields = HTTPFields()
            for (name, value) in answer.headers { fields.append(HTTPField(name: HTTPField.Name(name)!, value: value)) }
            if answer.parts != nil || answer.binary != nil {
                let parts = answer.binary ?? (answer.parts ?? []).map { Array($0.utf8) }
                return Response(status: .init(code: answer.status), headers: fields, body: ResponseBody { writer in
                    for part in parts {
                        try await writer.write(ByteBuffer(bytes: part))
                        try await Task.sleep(for: answer.partDelay)
                    }
                    if answer.breakOff { throw CancellationError() }
                    try await writer.finish(nil)
                })
            }
            return Response(status: .init(code: answer.status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body)))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in portSink.yield(channel.localAddress?.port ?? 0) }, logger: Self.quiet)
        let server = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else { throw TestSetupError("the fake provider did not start") }
        let fake = FakeProvider(port: port)
        box.withLock { $0 = fake }
        return try await body(fake)
    }

    /// Stopping a server mid-request is how every fake ends; its complaints about that are noise.
    private static let quiet: Logger = {
        var logger = Logger(label: "fake-provider")
        logger.logLevel = .critical
        return logger
    }()

    /// The bytes of a file of Tests/ProviderFixtures.
    static func fixtureBytes(_ name: String) -> [UInt8] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? Array(Data(contentsOf: root.appendingPathComponent("ProviderFixtures/\(name)")))) ?? []
    }

    /// A file of Tests/ProviderFixtures.
    static func fixture(_ name: String) -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("ProviderFixtures/\(name)"), encoding: .utf8)) ?? "missing fixture \(name)"
    }
}
