public import Foundation
public import Hummingbird

/// Per-request state shared by middleware and handlers.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The correlation id, echoed as `X-Request-ID` and logged with every line of this request.
    public var requestID: String = ""
    /// Set by ``RequestLifecycleMiddleware`` from the configuration.
    public var maxUploadSize: Int = 1_048_576

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
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
