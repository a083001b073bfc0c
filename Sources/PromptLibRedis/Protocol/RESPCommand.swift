import NIOCore

/// A command as Redis reads it: an array of bulk strings, so arguments may hold any bytes
/// (spaces, CRLF, NUL) without escaping.
public struct RESPCommand: Sendable, Hashable {
    /// The command name and its arguments, as bytes.
    public var arguments: [[UInt8]]

    /// A command from text: `RESPCommand("SET", key, value)`.
    public init(_ name: String, _ arguments: String...) {
        self.arguments = [Array(name.utf8)] + arguments.map { Array($0.utf8) }
    }

    /// A command from text arguments given as an array.
    public init(_ name: String, arguments: [String]) {
        self.arguments = [Array(name.utf8)] + arguments.map { Array($0.utf8) }
    }

    /// A command from raw bytes.
    public init(bytes: [[UInt8]]) {
        self.arguments = bytes
    }

    /// The command's name, for logs and errors (never its arguments: they may hold secrets).
    public var name: String {
        String(decoding: arguments.first ?? [], as: UTF8.self).uppercased()
    }

    /// Appends the command's RESP encoding to `buffer`.
    public func write(into buffer: inout ByteBuffer) {
        buffer.writeString("*\(arguments.count)\r\n")
        for argument in arguments {
            buffer.writeString("$\(argument.count)\r\n")
            buffer.writeBytes(argument)
            buffer.writeString("\r\n")
        }
    }
}
