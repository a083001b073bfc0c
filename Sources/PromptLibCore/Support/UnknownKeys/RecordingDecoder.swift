import Foundation

/// A `Decoder` over a ``JSONValue`` that records the keys asked for (``UnknownKeys``). It decodes
/// as `JSONDecoder` does for the API's bodies: ISO 8601 dates, whole numbers for integers.
struct RecordingDecoder: Decoder, SingleValueDecodingContainer {
    let value: JSONValue
    let path: String
    let recorder: KeyRecorder
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(value: JSONValue, path: String, recorder: KeyRecorder) {
        self.value = value
        self.path = path
        self.recorder = recorder
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw mismatch([String: JSONValue].self) }
        return KeyedDecodingContainer(RecordingKeyedContainer<Key>(members: members, path: path, recorder: recorder))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch([JSONValue].self) }
        return RecordingUnkeyedContainer(items: items, path: path, recorder: recorder)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func child(_ value: JSONValue, _ path: String) -> RecordingDecoder { RecordingDecoder(value: value, path: path, recorder: recorder) }

    /// A value of the wrong type, with its path: what `JSONDecoder` reports for numbers out of
    /// range without saying where.
    struct Mismatch: Error {
        let path: String
        let message: String
    }

    func mismatch(_ type: Any.Type) -> Mismatch {
        let message: String = switch type {
        case is String.Type: "must be a string"
        case is Bool.Type: "must be true or false"
        case is Double.Type, is Float.Type: "must be a number"
        case is any BinaryInteger.Type:
            if case .number = value { "must be a whole number in range" } else { "must be a whole number" }
        case is Date.Type: "must be a date and time in ISO 8601, such as 2026-12-31T23:59:00Z"
        case is [JSONValue].Type: "must be a list"
        default: "must be an object"
        }
        return Mismatch(path: path, message: message)
    }

    // MARK: single value

    func decodeNil() -> Bool { value == .null }
    func decode(_ type: Bool.Type) throws -> Bool { if case .bool(let flag) = value { return flag }; throw mismatch(type) }
    func decode(_ type: String.Type) throws -> String { if case .string(let text) = value { return text }; throw mismatch(type) }
    func decode(_ type: Double.Type) throws -> Double { if case .number(let number) = value { return number }; throw mismatch(type) }
    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if type == Date.self {
            guard case .string(let text) = value, let date = ISO8601DateFormatter().date(from: text) else { throw mismatch(type) }
            return date as! T
        }
        return try T(from: self)
    }

    private func integer<T: BinaryInteger>(_ type: T.Type) throws -> T {
        guard case .number(let number) = value, number.rounded() == number, let exact = T(exactly: number) else { throw mismatch(type) }
        return exact
    }
}
