/// Any JSON value, used where the schema allows free-form data (variable defaults, examples).
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Expected a JSON value")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            // Whole numbers are written without a fraction so that `3` stays `3` on a round trip.
            if value.rounded() == value, abs(value) < 1e15 {
                try container.encode(Int64(value))
            } else {
                try container.encode(value)
            }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue {
    /// The most members any object in this value has (0 when it holds none).
    public var widestObject: Int {
        switch self {
        case .object(let members): members.values.reduce(members.count) { max($0, $1.widestObject) }
        case .array(let items): items.reduce(0) { max($0, $1.widestObject) }
        default: 0
        }
    }

    /// The most items any array in this value has (0 when it holds none).
    public var longestArray: Int {
        switch self {
        case .object(let members): members.values.reduce(0) { max($0, $1.longestArray) }
        case .array(let items): items.reduce(items.count) { max($0, $1.longestArray) }
        default: 0
        }
    }

    /// Values in this value, itself included.
    public var nodeCount: Int {
        switch self {
        case .object(let members): members.values.reduce(1) { $0 + $1.nodeCount }
        case .array(let items): items.reduce(1) { $0 + $1.nodeCount }
        default: 1
        }
    }

    /// Whether every number in it is finite.
    public var isFinite: Bool {
        switch self {
        case .number(let number): number.isFinite
        case .object(let members): members.values.allSatisfy(\.isFinite)
        case .array(let items): items.allSatisfy(\.isFinite)
        default: true
        }
    }
}
