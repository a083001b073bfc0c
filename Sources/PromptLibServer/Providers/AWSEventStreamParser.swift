/// Reads AWS's binary event-stream framing (what Bedrock's `converse-stream` answers) from bytes
/// as they arrive: each message is a prelude (total and header lengths, a CRC-32 of both), string
/// headers, a payload and a CRC-32 of the whole. Every length is checked against the real one
/// and both checksums are verified; a message is handed on as a ``ServerSentEvent`` named by its
/// `:event-type` (or `exception:` and its `:exception-type`), so one reader serves both framings.
struct AWSEventStreamParser: Sendable {
    /// AWS's own limit on one message.
    static let maxMessageBytes = 16 * 1_048_576

    struct Malformed: Error {
        let reason: String
    }

    private var buffer: [UInt8] = []

    mutating func feed(_ bytes: some Sequence<UInt8>) throws(Malformed) -> [ServerSentEvent] {
        buffer.append(contentsOf: bytes)
        var events: [ServerSentEvent] = []
        // Messages are read at an offset and the consumed bytes dropped once per feed: dropping
        // each message as it is read would copy the rest of the buffer every time, and a stream of
        // tiny messages would cost the square of its size.
        var start = 0
        defer { buffer.removeFirst(start) }
        while buffer.count - start >= 12 {
            let total = Int(Self.uint32(buffer, at: start))
            let headersLength = Int(Self.uint32(buffer, at: start + 4))
            guard total >= 16, total <= Self.maxMessageBytes, headersLength <= total - 16 else {
                throw Malformed(reason: "a message declares impossible lengths")
            }
            guard CRC32.checksum(buffer[start..<(start + 8)]) == Self.uint32(buffer, at: start + 8) else {
                throw Malformed(reason: "a message's prelude checksum is wrong")
            }
            guard buffer.count - start >= total else { break }
            let end = start + total
            guard CRC32.checksum(buffer[start..<(end - 4)]) == Self.uint32(buffer, at: end - 4) else {
                throw Malformed(reason: "a message's checksum is wrong")
            }
            let headers = try Self.headers(buffer[(start + 12)..<(start + 12 + headersLength)])
            let payload = buffer[(start + 12 + headersLength)..<(end - 4)]
            start = end
            let name = headers[":message-type"] == "exception" ? "exception:" + (headers[":exception-type"] ?? "unknown")
                : headers[":event-type"] ?? "unknown"
            events.append(ServerSentEvent(event: name, data: String(decoding: payload, as: UTF8.self)))
        }
        return events
    }

    /// Bytes left that do not make a whole message.
    var pending: Int { buffer.count }

    private static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// String headers (type 7) are read; the other types are skipped by their sizes.
    private static func headers(_ bytes: ArraySlice<UInt8>) throws(Malformed) -> [String: String] {
        var headers: [String: String] = [:]
        var index = bytes.startIndex
        func need(_ count: Int) throws(Malformed) {
            guard count >= 0, bytes.endIndex - index >= count else { throw Malformed(reason: "a header runs past its message") }
        }
        while index < bytes.endIndex {
            try need(1)
            let nameLength = Int(bytes[index])
            index += 1
            try need(nameLength + 1)
            let name = String(decoding: bytes[index..<(index + nameLength)], as: UTF8.self)
            index += nameLength
            let type = bytes[index]
            index += 1
            let fixed: [UInt8: Int] = [0: 0, 1: 0, 2: 1, 3: 2, 4: 4, 5: 8, 8: 8, 9: 16]
            if let size = fixed[type] {
                try need(size)
                index += size
            } else if type == 6 || type == 7 {
                try need(2)
                let length = Int(bytes[index]) << 8 | Int(bytes[index + 1])
                index += 2
                try need(length)
                if type == 7 { headers[name] = String(decoding: bytes[index..<(index + length)], as: UTF8.self) }
                index += length
            } else {
                throw Malformed(reason: "a header has an unknown type")
            }
        }
        return headers
    }
}
