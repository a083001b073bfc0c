import AsyncHTTPClient
import NIOCore
import Synchronization

/// The HTTP clients provider calls go through, one per pair of timeouts, made on first use and
/// kept for the life of the process (like `HTTPClient.shared`, they are never shut down, so no
/// application or test has to remember to). Redirects are not followed: a redirect would carry
/// the connection's key to wherever it points.
enum ProviderHTTPClients {
    private static let clients = Mutex<[String: HTTPClient]>([:])

    static func client(for policy: ProviderPolicy) -> HTTPClient {
        let key = "\(policy.connectTimeout)/\(policy.readTimeout)"
        return clients.withLock { clients in
            if let client = clients[key] { return client }
            let timeout = HTTPClient.Configuration.Timeout(connect: .milliseconds(Int64(max(1, policy.connectTimeout.milliseconds))),
                                                           read: .milliseconds(Int64(max(1, policy.readTimeout.milliseconds))))
            let configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: timeout, decompression: .enabled(limit: .ratio(50)))
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            clients[key] = client
            return client
        }
    }
}
