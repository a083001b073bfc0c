/// One Server-Sent Event as a provider streams it.
struct ServerSentEvent: Sendable, Equatable {
    var event: String?
    var data: String
}

/// Reads the `text/event-stream` format (the WHATWG rules: `event:` and `data:` fields, lines
/// ending in LF, CR or CRLF, a blank line ends an event, `:` starts a comment) from bytes as they
/// arrive. An event (its lines together) larger than ``maxEventBytes`` is an error, so a broken
/// stream cannot grow memory without bound.
struct ServerSentEventParser: Sendable {
    static let maxEventBytes = 4 * 1_048_576

    struct TooLong: Error {}

    private var line: [UInt8] = []
    private var event: String?
    private var data: [String] = []
    /// Bytes of the event so far: its finished lines and the one being read.
    private var eventBytes = 0
    private var afterCR = false

    /// Feeds bytes; returns the events they complete.
    mutating func feed(_ bytes: some Sequence<UInt8>) throws -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        for byte in bytes {
            if afterCR {
                afterCR = false
                if byte == 0x0A { continue }
            }
            if byte == 0x0A || byte == 0x0D {
                afterCR = byte == 0x0D
                if let complete = endLine() { events.append(complete) }
            } else {
                eventBytes += 1
                guard eventBytes <= Self.maxEventBytes else { throw TooLong() }
                line.append(byte)
            }
        }
        return events
    }

    /// Ends the stream: an event without its final blank line still counts.
    mutating func finish() -> ServerSentEvent? {
        if !line.isEmpty { _ = endLine() }
        return dispatch()
    }

    private mutating func endLine() -> ServerSentEvent? {
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty { return dispatch() }
        if line.first == UInt8(ascii: ":") { return nil }
        let text = String(decoding: line, as: UTF8.self)
        let field: Substring
        var value: Substring
        if let colon = text.firstIndex(of: ":") {
            field = text[..<colon]
            value = text[text.index(after: colon)...]
            if value.first == " " { value = value.dropFirst() }
        } else {
            field = text[...]
            value = ""
        }
        switch field {
        case "event": event = String(value)
        case "data": data.append(String(value))
        default: break
        }
        return nil
    }

    private mutating func dispatch() -> ServerSentEvent? {
        defer { event = nil; data = []; eventBytes = 0 }
        guard !data.isEmpty else { return nil }
        return ServerSentEvent(event: event, data: data.joined(separator: "\n"))
    }
}
