/// One RESP2 value: what a Redis server sends back.
public enum RESPValue: Sendable, Hashable {
    /// `+OK`: a short status line.
    case simpleString(String)
    /// `-ERR …`: the server refused the command; ``RedisConnection`` throws it as ``RedisError/server(code:message:)``.
    case error(String)
    /// `:42`
    case integer(Int64)
    /// `$5 hello`, or `$-1`, the null bulk string (a missing key).
    case bulkString([UInt8]?)
    /// `*2 …`, or `*-1`, the null array (a timed-out blocking pop).
    case array([RESPValue]?)

    /// The value as text: a simple or bulk string (as UTF-8), or an integer's digits; nil otherwise.
    public var string: String? {
        switch self {
        case .simpleString(let text): text
        case .bulkString(let bytes?): String(decoding: bytes, as: UTF8.self)
        case .integer(let number): String(number)
        default: nil
        }
    }

    /// The value as an integer: an integer reply, or a string of digits (`INCR` answers the first,
    /// `GET` of a counter the second).
    public var integer: Int64? {
        switch self {
        case .integer(let number): number
        case .bulkString(let bytes?): Int64(String(decoding: bytes, as: UTF8.self))
        default: nil
        }
    }

    /// The items of an array reply; nil for anything else and for the null array.
    public var array: [RESPValue]? {
        if case .array(let items?) = self { items } else { nil }
    }

    /// Whether this is a null bulk string or a null array.
    public var isNull: Bool {
        switch self {
        case .bulkString(nil), .array(nil): true
        default: false
        }
    }
}
