import NIOCore

/// Reads RESP2 values from bytes as they arrive. ``next(from:)`` answers nil, consuming nothing,
/// until a whole value is there — a reply split across reads at any byte is read once complete —
/// and throws ``RedisError/protocolViolation(_:)`` for anything that is not RESP2 or is over a
/// bound of ``RESPLimits``. Lengths are checked against the limits before any byte is awaited.
/// An incomplete reply is only scanned, never copied, and a bulk string's announced length is
/// remembered, so a large reply arriving in many reads is not parsed again at every read.
public struct RESPParser: Sendable {
    /// The bounds in force.
    public let limits: RESPLimits
    /// Bytes the current reply needs at least, from its start, as far as its headers tell.
    private var needed = 0

    /// A parser with these bounds.
    public init(limits: RESPLimits = .standard) {
        self.limits = limits
    }

    /// The next whole value in `buffer`, moving its reader index past it; nil when more bytes are needed.
    public mutating func next(from buffer: inout ByteBuffer) throws -> RESPValue? {
        guard buffer.readableBytes >= needed else { return nil }
        var index = buffer.readerIndex
        var want = 0
        guard try parse(buffer, at: &index, depth: 0, build: false, want: &want) != nil else {
            needed = max(0, want - buffer.readerIndex)
            return nil
        }
        needed = 0
        index = buffer.readerIndex
        guard let value = try parse(buffer, at: &index, depth: 0, build: true, want: &want) else { return nil }
        buffer.moveReaderIndex(to: index)
        return value
    }

    /// Parses one value at `index`. Without `build` it only checks that the value is whole and
    /// answers a placeholder (no copies); `want` is raised to the end a bulk string announced.
    private func parse(_ buffer: ByteBuffer, at index: inout Int, depth: Int, build: Bool, want: inout Int) throws -> RESPValue? {
        guard let type = buffer.getInteger(at: index, as: UInt8.self) else { return nil }
        var cursor = index + 1
        guard let line = try line(buffer, at: &cursor) else { return nil }
        let value: RESPValue
        switch type {
        case UInt8(ascii: "+"):
            value = .simpleString(String(decoding: line, as: UTF8.self))
        case UInt8(ascii: "-"):
            value = .error(String(decoding: line, as: UTF8.self))
        case UInt8(ascii: ":"):
            value = .integer(try Self.integer(line))
        case UInt8(ascii: "$"):
            let length = try Self.integer(line)
            if length == -1 {
                value = .bulkString(nil)
                break
            }
            guard length >= 0 else { throw RedisError.protocolViolation("a bulk string's length is \(length)") }
            guard length <= limits.maxBulkLength else {
                throw RedisError.protocolViolation("a bulk string of \(length) bytes is over the limit of \(limits.maxBulkLength)")
            }
            let count = Int(length)
            guard buffer.writerIndex - cursor >= count + 2 else {
                want = max(want, cursor + count + 2)
                return nil
            }
            guard buffer.getInteger(at: cursor + count, as: UInt16.self) == 0x0D0A else {
                throw RedisError.protocolViolation("a bulk string does not end with CRLF after \(count) bytes")
            }
            value = build ? .bulkString(buffer.getBytes(at: cursor, length: count)) : .bulkString(nil)
            cursor += count + 2
        case UInt8(ascii: "*"):
            let length = try Self.integer(line)
            if length == -1 {
                value = .array(nil)
                break
            }
            guard length >= 0 else { throw RedisError.protocolViolation("an array's length is \(length)") }
            guard length <= limits.maxArrayLength else {
                throw RedisError.protocolViolation("an array of \(length) items is over the limit of \(limits.maxArrayLength)")
            }
            guard depth < limits.maxDepth else { throw RedisError.protocolViolation("arrays nest deeper than \(limits.maxDepth)") }
            var items: [RESPValue] = []
            if build { items.reserveCapacity(Int(min(length, 1024))) }
            for _ in 0..<length {
                guard let item = try parse(buffer, at: &cursor, depth: depth + 1, build: build, want: &want) else { return nil }
                if build { items.append(item) }
            }
            value = .array(items)
        default:
            throw RedisError.protocolViolation("a reply starts with byte \(type), not one of + - : $ *")
        }
        index = cursor
        return value
    }

    /// The bytes up to the next CRLF, moving `index` past it; nil when the CRLF has not arrived.
    private func line(_ buffer: ByteBuffer, at index: inout Int) throws -> [UInt8]? {
        let available = buffer.writerIndex - index
        let window = min(available, limits.maxLineLength + 2)
        guard let view = buffer.viewBytes(at: index, length: window) else { return nil }
        guard let cr = view.firstIndex(of: 13) else {
            if available > limits.maxLineLength + 1 {
                throw RedisError.protocolViolation("a reply line is longer than \(limits.maxLineLength) bytes")
            }
            return nil
        }
        let end = index + view.distance(from: view.startIndex, to: cr)
        guard let lf = buffer.getInteger(at: end + 1, as: UInt8.self) else { return nil }
        guard lf == 10 else { throw RedisError.protocolViolation("a carriage return inside a reply line") }
        if view[view.startIndex..<cr].contains(10) { throw RedisError.protocolViolation("a line feed inside a reply line") }
        let bytes = Array(view[view.startIndex..<cr])
        index = end + 2
        return bytes
    }

    /// A RESP integer: an optional minus and decimal digits that fit 64 bits.
    static func integer(_ bytes: [UInt8]) throws -> Int64 {
        guard let number = Int64(String(decoding: bytes, as: UTF8.self)), !bytes.isEmpty, bytes.first != UInt8(ascii: "+") else {
            throw RedisError.protocolViolation("\"\(String(decoding: bytes.prefix(32), as: UTF8.self))\" is not an integer")
        }
        return number
    }
}
