import Foundation

/// A throwaway `redis-server` for one test, on a free port, stopped (and its files removed) by
/// ``withRedisServer(arguments:_:)``. It can be stopped and started again on the same port, as an
/// outage would. Tests that need one run when `redis-server` is installed (scripts/test.sh installs
/// it) and always under `CI=true`, where a missing server is a failure.
public final class RedisTestServer: @unchecked Sendable {
    /// Its port on 127.0.0.1.
    public let port: Int
    /// Where its files and TLS material live.
    public let directory: String
    private let arguments: [String]
    private let lock = NSLock()
    private var process: ChildProcess?

    /// Whether Redis tests can run here (`redis-server` installed, or `CI=true` to fail loudly).
    public static var available: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true" || executable != nil
    }

    static var executable: String? {
        ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    init(port: Int, directory: String, arguments: [String]) {
        self.port = port
        self.directory = directory
        self.arguments = arguments
    }

    /// `redis://127.0.0.1:port`.
    public var url: String { "redis://127.0.0.1:\(port)" }

    /// Starts the server and waits until it accepts connections.
    public func start() throws {
        guard let executable = Self.executable else { throw TestServerError("redis-server is not installed") }
        let process = try ChildProcess(executable, arguments: ["--port", "\(port)", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory] + arguments)
        lock.withLock { self.process = process }
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if Self.canConnect(port: arguments.contains("--tls-port") ? tlsPort : port) { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw TestServerError("redis-server did not start on port \(port)")
    }

    /// The TLS port when the server was started with one (`--port 0 --tls-port N`).
    var tlsPort: Int {
        guard let index = arguments.firstIndex(of: "--tls-port"), index + 1 < arguments.count else { return port }
        return Int(arguments[index + 1]) ?? port
    }

    /// Stops the server at once, as a crash would, and waits for it to exit.
    public func stop() {
        let process = lock.withLock { () -> ChildProcess? in
            defer { self.process = nil }
            return self.process
        }
        guard let process else { return }
        kill(process.pid, SIGCONT)
        kill(process.pid, SIGKILL)
        process.wait()
    }

    /// Stops the server's process without closing its connections, as a hung server would
    /// (`SIGSTOP`); ``resume()`` lets it go on.
    public func pause() {
        lock.withLock { process }.map { _ = kill($0.pid, SIGSTOP) }
    }

    /// Lets a paused server go on (`SIGCONT`).
    public func resume() {
        lock.withLock { process }.map { _ = kill($0.pid, SIGCONT) }
    }

    static func canConnect(port: Int) -> Bool {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// A port nobody listens on now.
    public static func freePort() -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Why a throwaway server could not be used.
public struct TestServerError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Runs `body` with a fresh `redis-server` started with `arguments` (the port is chosen here; use
/// `{dir}` in an argument for the server's directory, which `prepare` may fill first), stopped afterwards.
public func withRedisServer<R: Sendable>(
    arguments: [String] = [], port: Int = RedisTestServer.freePort(), prepare: (String) throws -> Void = { _ in },
    _ body: (RedisTestServer) async throws -> R
) async throws -> R {
    let directory = NSTemporaryDirectory() + "promptlib-redis-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try prepare(directory)
    let resolved = arguments.map { $0.replacingOccurrences(of: "{dir}", with: directory) }
    let server = RedisTestServer(port: port, directory: directory, arguments: resolved)
    defer {
        server.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }
    try server.start()
    return try await body(server)
}
