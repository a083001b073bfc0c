import Foundation
import HTTPTypes

/// A provider call that did not give an answer. Every case becomes a clear API error
/// (``apiError``): never a made-up output.
struct ProviderError: Error, Sendable, Equatable {
    enum Kind: String, Sendable {
        /// The provider refused the request (a 4xx other than 429): bad key, unknown model, bad body.
        case rejected
        /// It kept answering 429 or 5xx through every retry.
        case unavailable
        /// It could not be reached (connection refused, DNS, TLS).
        case unreachable
        /// It did not answer in time.
        case timeout
        /// It answered with something that is not its documented response.
        case malformed
        /// The connection's circuit breaker is open: the provider failed too often just now.
        case circuitOpen
    }

    var kind: Kind
    /// The provider's own message, scrubbed of credentials (``ProviderError/scrubbed(_:secrets:)``).
    var message: String
    /// The provider's HTTP status, when it answered.
    var status: Int?
    /// Seconds to wait before trying again, when known.
    var retryAfter: Int?

    /// The envelope a client sees: `502 EXTERNAL_SERVICE_ERROR` when the provider said no or said
    /// nonsense, `503 SERVICE_UNAVAILABLE` (with `Retry-After` when known) when it is away.
    func apiError(provider: String) -> APIError {
        var error: APIError
        switch kind {
        case .rejected, .malformed:
            error = APIError(.badGateway, .externalServiceError, "\(provider): \(message)")
        case .unavailable, .unreachable, .timeout, .circuitOpen:
            error = APIError(.serviceUnavailable, .serviceUnavailable, "\(provider): \(message)")
            error.retryAfter = retryAfter
        }
        return error
    }

    /// `text` with every credential value and anything shaped like an API key replaced, cut to a
    /// readable length. Providers echo parts of keys in their messages ("Incorrect API key
    /// provided: sk-ab***cd"); none of it may reach a log or a response.
    static func scrubbed(_ text: String, secrets: [String]) -> String {
        var result = text
        for secret in secrets where !secret.isEmpty {
            result = result.replacingOccurrences(of: secret, with: "[redacted]")
        }
        let keyShapes = [#"sk-[A-Za-z0-9_\-*.]{3,}"#, #"sk_[A-Za-z0-9_\-*.]{3,}"#, #"AKIA[A-Z0-9*]{4,}"#, #"AIza[A-Za-z0-9_\-*]{4,}"#,
                         #"(?i)bearer\s+[A-Za-z0-9_\-.*]{4,}"#]
        for shape in keyShapes {
            result = result.replacingOccurrences(of: shape, with: "[redacted]", options: .regularExpression)
        }
        let flattened = String(result.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
        return flattened.count > 500 ? String(flattened.prefix(500)) + "…" : flattened
    }
}
