import Foundation
import Hummingbird
import HummingbirdCore
import NIOCore
import PromptLibCore

extension Request {
    /// Decodes the JSON body as `type`, answering 415 for another content type, 413 for a body over
    /// the limit, and 400 with the offending field for malformed or mistyped JSON.
    func decodeJSON<T: Decodable>(
        as type: T.Type, context: AppRequestContext, dates: JSONDecoder.DateDecodingStrategy = .deferredToDate
    ) async throws -> T {
        guard mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json")) else {
            throw APIError(.unsupportedMediaType, .unsupportedMediaType, "Content-Type must be application/json")
        }
        let buffer = try await collectBody(context: context)
        if let (field, problem) = ControlCharacters.firstProblem(inJSON: Data(buffer: buffer)) {
            throw APIError.validation(field.isEmpty ? "The body \(problem)" : "\(field) \(problem)", field: field.isEmpty ? nil : field)
        }
        let decoded: T
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = dates
            if case .iso8601 = dates { decoder.dateDecodingStrategy = .custom(Self.iso8601Date) }
            decoded = try decoder.decode(T.self, from: buffer)
        } catch let error as DecodingError {
            throw Self.explained(error, T.self, body: buffer)
        }
        if let key = DuplicateKeys.first(inJSON: Data(buffer: buffer)) {
            throw APIError.validation("\(key) is given twice; each field may appear once", field: key)
        }
        if let value = try? JSONDecoder().decode(JSONValue.self, from: buffer) { try Self.rejectUnknownKeys(T.self, in: value) }
        return decoded
    }

    /// Like ``decodeJSON(as:context:dates:)`` for a body that may be left out: `nil` when the
    /// request has no `Content-Type` (and so no body to read).
    func decodeJSONIfPresent<T: Decodable>(as type: T.Type, context: AppRequestContext) async throws -> T? {
        guard headers[.contentType] != nil else { return nil }
        return try await decodeJSON(as: type, context: context)
    }

    /// The decoding error in the API's words, made more precise from the body itself: the field of
    /// a value `JSONDecoder` could not place, and the typo beside a missing required field.
    static func explained<T: Decodable>(_ error: DecodingError, _ type: T.Type, body: ByteBuffer) -> APIError {
        var apiError = DecodingErrorTranslation.apiError(for: error)
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: body) else { return apiError }
        if apiError.field == nil, let (field, message) = UnknownKeys.typeProblem(type, in: value), !field.isEmpty {
            return .validation("\(field) \(message)", field: field)
        }
        if case .keyNotFound(let key, let context) = error, let typo = UnknownKeys.typo(of: key.stringValue, at: context.codingPath, in: value) {
            apiError.message += "; the body has '\(typo)' — did you mean '\(key.stringValue)'?"
        }
        return apiError
    }

    /// A typo must not pass silently: a member no field reads is a `400` naming it (and the field
    /// it probably meant), every one listed in `details`.
    static func rejectUnknownKeys<T: Decodable>(_ type: T.Type, in value: JSONValue) throws {
        let unknown = UnknownKeys.find(type, in: value)
        guard let first = unknown.first else { return }
        throw APIError(.badRequest, .validationError, unknown.count == 1 ? first.message : "\(unknown.count) fields are not fields of this body; see details",
                       field: first.field, details: unknown.map { APIError.Detail(field: $0.field, message: $0.message) })
    }

    /// ISO 8601 dates, refused with a message that says so and names the field (Foundation's own
    /// strategy reports a bad date as a body that is not JSON).
    static func iso8601Date(_ decoder: any Decoder) throws -> Date {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions.insert(.withFractionalSeconds)
        if let date = formatter.date(from: text) { return date }
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be a date and time in ISO 8601, such as 2026-12-31T23:59:00Z")
    }
}

extension Request {
    /// The media type of the body, lowercased, without parameters.
    var mediaType: String {
        let contentType = headers[.contentType]?.lowercased() ?? ""
        return contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }

    /// Whether the body is YAML.
    var hasYAMLBody: Bool { ["application/yaml", "application/x-yaml", "text/yaml"].contains(mediaType) }

    /// The whole body, or `413` when it is larger than the limit.
    func collectBody(context: AppRequestContext) async throws -> ByteBuffer {
        do {
            return try await body.collect(upTo: context.maxUploadSize)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError.payloadTooLarge(limit: context.maxUploadSize)
        } catch is NIOTooManyBytesError {
            // A chunked body has no Content-Length to check up front; it overflows while collected.
            throw APIError.payloadTooLarge(limit: context.maxUploadSize)
        }
    }

    /// A prompt document from a JSON or YAML body.
    func decodePromptDocument(context: AppRequestContext) async throws -> PromptDocument {
        guard hasYAMLBody else {
            guard mediaType == "application/json" || mediaType.hasSuffix("+json") else {
                throw APIError(.unsupportedMediaType, .unsupportedMediaType, "Content-Type must be application/json or application/yaml")
            }
            return try await decodeJSON(as: PromptDocument.self, context: context)
        }
        let buffer = try await collectBody(context: context)
        let text = String(buffer: buffer)
        let document = try PromptYAML.decode(text)
        if let value = try? PromptYAML.decodeValue(text) { try Self.rejectUnknownKeys(PromptDocument.self, in: value) }
        return document
    }

    /// Whether the client asked for YAML (`Accept: application/yaml` or `?format=yaml`).
    func wantsYAML() throws -> Bool {
        try wantsYAML(query: uri.formParameters)
    }

    /// ``wantsYAML()`` with the query parameters already parsed.
    func wantsYAML(query: FlatDictionary<Substring, Substring>) throws -> Bool {
        if let format = query["format"].map(String.init) {
            guard ["json", "yaml"].contains(format) else { throw APIError.validation("format must be json or yaml", field: "format") }
            return format == "yaml"
        }
        let accept = headers[.accept]?.lowercased() ?? ""
        return accept.contains("application/yaml") || accept.contains("text/yaml") || accept.contains("application/x-yaml")
    }
}

/// Explains a `DecodingError` in the API's words, naming the field as `prompt.steps[2]`.
enum DecodingErrorTranslation {
    static func apiError(for error: DecodingError) -> APIError {
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return .validation("\(field) is required", field: field)
        case .valueNotFound(_, let context):
            let field = path(context.codingPath)
            if field.isEmpty { return .validation("The body must be a JSON object", field: nil) }
            return .validation("\(field) must not be null", field: field)
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            if field.isEmpty { return .validation("The body must be a JSON \(typeName(type))", field: nil) }
            return .validation("\(field) must be \(article(typeName(type)))", field: field)
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return .validation("The body is not valid JSON", field: nil) }
            let field = path(context.codingPath)
            let reason = context.debugDescription.hasPrefix("must ") ? context.debugDescription : "has an invalid value"
            return .validation("\(field) \(reason)", field: field)
        @unknown default:
            return .validation("The body could not be read", field: nil)
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        var out = ""
        for key in keys {
            if let index = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == "\(index)" {
                out += "[\(index)]"
            } else {
                out += out.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return out
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "string"
        case is Bool.Type: "boolean"
        case is Int.Type, is Int64.Type, is Int32.Type: "integer"
        case is Double.Type, is Float.Type: "number"
        case is [Any].Type: "list"
        default: String(describing: type).hasPrefix("Array") ? "list" : "object"
        }
    }

    private static func article(_ name: String) -> String {
        ["a", "e", "i", "o", "u"].contains(name.prefix(1)) ? "an \(name)" : "a \(name)"
    }
}
