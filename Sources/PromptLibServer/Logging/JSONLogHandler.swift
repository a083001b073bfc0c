public import Logging
import Foundation
import NIOConcurrencyHelpers
import PromptLibCore

/// Writes each log record as one JSON object per line:
/// `timestamp`, `level`, `message`, then the record's metadata as top-level fields.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let sink: LogSink

    /// Creates a handler writing to standard output.
    public init(label: String, level: Logger.Level, sink: LogSink = .standardOutput) {
        self.label = label
        self.logLevel = level
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var level = event.level
        // hummingbird-websocket reports a connection that never spoke HTTP (which
        // ProtocolErrorResponder answers with a 400) as an error; it is the client's doing.
        if event.message.description == "Error handling upgrade result" {
            level = .debug
            guard logLevel <= .debug else { return }
        }
        var fields = metadata
        if let extra = event.metadata { fields.merge(extra) { $1 } }
        // Hummingbird's own id duplicates our request_id.
        fields["hb.request.id"] = nil
        var line = "{\"timestamp\":\"\(Self.timestamp())\",\"level\":\"\(level.rawValue)\""
        line += ",\"message\":" + JSONText.quote(event.message.description)
        if fields["logger"] == nil { line += ",\"logger\":" + JSONText.quote(label) }
        for key in fields.keys.sorted() {
            line += "," + JSONText.quote(key) + ":" + JSONText.value(fields[key]!)
        }
        line += "}\n"
        sink.write(line)
    }

    private static func timestamp() -> String {
        Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}

/// Minimal JSON text encoding for log values.
enum JSONText {
    static func quote(_ text: String) -> String { JSONQuoting.quote(text) }

    static func value(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let text): return quote(text)
        case .stringConvertible(let convertible):
            // Numbers (status, duration_ms) stay JSON numbers.
            if convertible is any BinaryInteger { return convertible.description }
            if let number = convertible as? Double, number.isFinite { return convertible.description }
            return quote(convertible.description)
        case .array(let values): return "[" + values.map(Self.value).joined(separator: ",") + "]"
        case .dictionary(let dict):
            return "{" + dict.keys.sorted().map { quote($0) + ":" + Self.value(dict[$0]!) }.joined(separator: ",") + "}"
        }
    }
}
