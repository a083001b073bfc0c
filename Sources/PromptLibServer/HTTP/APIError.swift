public import HTTPTypes

/// An error the API reports to its client in the standard envelope.
public struct APIError: Error, Sendable {
    /// Machine-readable error codes shared by every endpoint.
    public enum Code: String, Sendable, Codable {
        case authenticationRequired = "AUTHENTICATION_REQUIRED"
        case invalidCredentials = "INVALID_CREDENTIALS"
        case tokenExpired = "TOKEN_EXPIRED"
        case tokenInvalid = "TOKEN_INVALID"
        case permissionDenied = "PERMISSION_DENIED"
        case validationError = "VALIDATION_ERROR"
        case notFound = "NOT_FOUND"
        case alreadyExists = "ALREADY_EXISTS"
        case conflict = "CONFLICT"
        case preconditionRequired = "PRECONDITION_REQUIRED"
        case payloadTooLarge = "PAYLOAD_TOO_LARGE"
        case unsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE"
        case rateLimitExceeded = "RATE_LIMIT_EXCEEDED"
        /// A share link that expired, ran out of views, or was revoked (`410`).
        case gone = "GONE"
        case serviceUnavailable = "SERVICE_UNAVAILABLE"
        case externalServiceError = "EXTERNAL_SERVICE_ERROR"
        case internalServerError = "INTERNAL_SERVER_ERROR"
    }

    /// One problem among several, such as each broken field of a document.
    public struct Detail: Sendable, Codable, Equatable {
        public var field: String?
        public var message: String
    }

    public var status: HTTPResponse.Status
    public var code: Code
    public var message: String
    public var field: String?
    public var details: [Detail]?
    /// Seconds the client should wait, sent as `Retry-After`.
    public var retryAfter: Int?

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, _ code: Code, _ message: String, field: String? = nil, details: [Detail]? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.details = details
    }

    static func notFound(_ what: String) -> APIError { .init(.notFound, .notFound, "\(what) was not found") }

    static func payloadTooLarge(limit: Int) -> APIError {
        .init(.contentTooLarge, .payloadTooLarge, "The request body is larger than \(limit) bytes")
    }

    static func validation(_ message: String, field: String?) -> APIError {
        .init(.badRequest, .validationError, message, field: field)
    }
}
