public import Foundation
public import Hummingbird

/// Per-request state shared by middleware and handlers.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The correlation id, echoed as `X-Request-ID` and logged with every line of this request.
    public var requestID: String = ""
    /// Set by ``RequestLifecycleMiddleware`` from the configuration.
    public var maxUploadSize: Int = 1_048_576
    /// Who is calling; `nil` for anonymous requests. Set by ``AuthenticationMiddleware``.
    public var identity: Identity?
    /// The client's IP address, for rate limits and the audit log: the peer's, or behind a
    /// trusted proxy the address it forwarded (see ``ClientAddress``).
    public var clientIP: String?
    /// The client's `User-Agent`, shortened, for the audit log.
    public var userAgent: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.clientIP = source.channel.remoteAddress?.ipAddress
    }

    /// The identity, or `401 AUTHENTICATION_REQUIRED`.
    public func requireIdentity() throws -> Identity {
        guard let identity else {
            throw APIError(.unauthorized, .authenticationRequired, "Sign in, or send an access token or API key")
        }
        return identity
    }

    /// Sorted keys and unescaped slashes make responses stable and readable (`"name": "a/b"`).
    public var responseEncoder: JSONEncoder { Self.encoder }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
