import Foundation
import PromptLibCore

/// What a connection's writer sends: a JSON text message, or a close with a reason.
enum Outgoing: Sendable, Equatable {
    case text(String)
    case close(reason: String)

    /// The JSON of `value`, dates in ISO 8601 as everywhere in the API.
    static func json(_ value: some Encodable) -> Outgoing {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return .text((try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? #"{"type":"error","code":"internal"}"#)
    }

    /// An `error` message: what went wrong with something the client sent.
    static func error(_ code: String, _ message: String, room: String? = nil) -> Outgoing {
        var body: [String: JSONValue] = ["type": .string("error"), "code": .string(code), "message": .string(message)]
        if let room { body["room"] = .string(room) }
        return json(body)
    }

    /// A message of `type` with `fields`.
    static func message(_ type: String, _ fields: [String: JSONValue] = [:]) -> Outgoing {
        json(fields.merging(["type": .string(type)]) { _, new in new })
    }
}
