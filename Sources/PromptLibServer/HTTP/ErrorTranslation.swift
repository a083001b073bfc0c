import Hummingbird
import PromptLibCore
import PromptLibStorage

/// Turns any error thrown while handling a request into the ``APIError`` the client sees.
///
/// Unknown errors become a bare 500: their details go to the log line with the same request id,
/// never to the client.
enum ErrorTranslation {
    static func apiError(for error: any Error) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as ValidationFailures:
            let details = error.failures.map { APIError.Detail(field: $0.field, message: $0.message) }
            let first = error.failures[0]
            let message = error.failures.count == 1 ? "\(first.field) \(first.message)" : "\(error.failures.count) fields are invalid; see details"
            return APIError(.badRequest, .validationError, message, field: first.field, details: details)
        case let error as ValidationFailure:
            return .validation("\(error.field) \(error.message)", field: error.field)
        case let error as StorageError:
            switch error {
            case .unavailable:
                return APIError(.serviceUnavailable, .serviceUnavailable, "The database is unavailable; try again shortly")
            case .conflict:
                return APIError(.conflict, .conflict, "The change conflicts with stored data; reload and try again")
            case .queryFailed:
                return internalError
            case .contention:
                var busy = APIError(.serviceUnavailable, .serviceUnavailable, "Too many changes at once; try again")
                busy.retryAfter = 1
                return busy
            }
        case let error as HTTPError:
            return translate(error)
        default:
            return internalError
        }
    }

    static let internalError = APIError(.internalServerError, .internalServerError, "An unexpected error occurred")

    private static func translate(_ error: HTTPError) -> APIError {
        let message = error.body ?? error.status.reasonPhrase
        switch error.status.code {
        case 400: return APIError(error.status, .validationError, message)
        case 401: return APIError(error.status, .authenticationRequired, message)
        case 403: return APIError(error.status, .permissionDenied, message)
        case 404: return APIError(.notFound, .notFound, "No such route or resource")
        case 405: return APIError(error.status, .notFound, "Method not allowed on this route")
        case 409: return APIError(error.status, .conflict, message)
        case 413: return APIError(error.status, .payloadTooLarge, "The request body is too large")
        case 415: return APIError(error.status, .unsupportedMediaType, message)
        case 429: return APIError(error.status, .rateLimitExceeded, message)
        case 503: return APIError(error.status, .serviceUnavailable, message)
        case 400..<500: return APIError(error.status, .validationError, message)
        default: return internalError
        }
    }
}
