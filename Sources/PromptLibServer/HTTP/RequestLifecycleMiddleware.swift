import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOHTTP1

/// The outermost middleware: assigns the correlation id, turns every error into the JSON envelope,
/// and writes one log line per request with its method, path, status and duration.
struct RequestLifecycleMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let maxBodyBytes: Int
    /// The larger limit of `POST /api/v1/imports`, which takes archives.
    var importMaxBytes: Int = 10_485_760
    var trustedProxies: Set<String> = []

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        // Every later decision (limits, log masking, permissions, routing) sees one canonical path.
        let request = CanonicalRequest.collapsed(request)
        var context = context
        let id = RequestID.accept(request.headers[.requestID])
        context.requestID = id
        let limit = request.method == .post && request.uri.path == "/api/v1/imports" ? importMaxBytes : maxBodyBytes
        context.maxUploadSize = limit
        context.userAgent = request.headers[.userAgent].map { String($0.prefix(256)) }
        context.clientIP = ClientAddress.resolve(peer: context.clientIP, forwardedFor: request.headers[.xForwardedFor], trusted: trustedProxies)
        context.logger[metadataKey: "request_id"] = .string(id)

        var response: Response
        do {
            try CanonicalRequest.checkText(of: request)
            if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
                throw APIError.payloadTooLarge(limit: limit)
            }
            response = try await next(request, context)
        } catch let error as HTTPParserError {
            // A malformed or truncated request (often a client that hung up mid-body): the server
            // closes the connection itself, and there is nobody left to answer.
            context.logger.info("request could not be parsed", metadata: ["error": "\(error)"])
            throw error
        } catch {
            let apiError = ErrorTranslation.apiError(for: error)
            if apiError.status.code >= 500 && apiError.code == .internalServerError {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            } else if apiError.code == .serviceUnavailable {
                context.logger.warning("dependency unavailable", metadata: ["error": "\(error)"])
            }
            response = Self.response(for: apiError, requestID: id)
        }
        response.headers[.requestID] = id
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
        // Container health probes arrive every few seconds; they are logged only at debug level.
        let level: Logger.Level = request.uri.path.hasSuffix("/health") ? .debug : .info
        context.logger.log(level: level, "request completed", metadata: [
            "method": .string(request.method.rawValue),
            "path": .string(Self.loggablePath(request.uri.path)),
            "status": .stringConvertible(Int(response.status.code)),
            "duration_ms": .stringConvertible((milliseconds * 1_000).rounded() / 1_000),
        ])
        return response
    }

    /// The path as logged: a share link's token is a credential, so it is masked — wherever it
    /// stands, whatever the path around it (`/api/v1/./shared/pls_…`, `%2F`, other cases), since
    /// requests that route nowhere are logged too.
    static func loggablePath(_ path: String) -> String {
        // Percent-encoding can spell the prefix (`%70ls_`, `pls%5F`, even `%2570`): a path that
        // decodes to one is logged decoded, and masked.
        var path = path
        for _ in 0..<3 where path.contains("%") {
            guard let decoded = path.removingPercentEncoding, decoded != path else { break }
            if decoded.range(of: "pls_", options: .caseInsensitive) != nil { path = decoded } else { break }
        }
        guard path.range(of: "pls_", options: .caseInsensitive) != nil else { return path }
        var out = ""
        var rest = Substring(path)
        while let found = rest.range(of: "pls_", options: .caseInsensitive) {
            out += rest[..<found.lowerBound] + "…"
            rest = rest[found.upperBound...].drop { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "%" }
        }
        return out + rest
    }

    static func response(for error: APIError, requestID: String) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = (try? encoder.encode(ErrorEnvelope(error, requestID: requestID))) ?? Data("{}".utf8)
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let seconds = error.retryAfter ?? (error.status == .serviceUnavailable ? 5 : nil) { headers[.retryAfter] = String(seconds) }
        return Response(status: error.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
