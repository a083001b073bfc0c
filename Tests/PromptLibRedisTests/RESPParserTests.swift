import NIOCore
@testable import PromptLibRedis
import Testing

/// The parser reads RESP2 from hand-made byte streams: every type, replies split at any byte, and
/// malformed or oversized replies refused before anything is buffered for them.
@Suite("RESP parser")
struct RESPParserTests {
    static func parseAll(_ text: [UInt8], limits: RESPLimits = .standard) throws -> [RESPValue] {
        var buffer = ByteBuffer(bytes: text)
        var values: [RESPValue] = []
        var parser = RESPParser(limits: limits)
        while let value = try parser.next(from: &buffer) { values.append(value) }
        #expect(buffer.readableBytes == 0, "everything consumed")
        return values
    }

    static let stream = Array("+OK\r\n-WRONGTYPE Operation against a key\r\n:-42\r\n$5\r\nhe\r\no\r\n$-1\r\n$0\r\n\r\n*2\r\n*1\r\n:1\r\n$3\r\na\0b\r\n*-1\r\n*0\r\n".utf8)
    static let values: [RESPValue] = [
        .simpleString("OK"), .error("WRONGTYPE Operation against a key"), .integer(-42), .bulkString(Array("he\r\no".utf8)),
        .bulkString(nil), .bulkString([]), .array([.array([.integer(1)]), .bulkString([97, 0, 98])]), .array(nil), .array([]),
    ]

    @Test("every RESP2 type, including null and empty bulk strings and arrays, nested arrays, CRLF and NUL inside bulk strings")
    func everyType() throws {
        #expect(try Self.parseAll(Self.stream) == Self.values)
    }

    @Test("a stream arriving one byte at a time gives the same values, and nothing is consumed before a value is whole")
    func splitAtEveryByte() throws {
        var parser = RESPParser()
        var buffer = ByteBuffer()
        var values: [RESPValue] = []
        for byte in Self.stream {
            buffer.writeInteger(byte)
            let before = buffer.readerIndex
            if let value = try parser.next(from: &buffer) {
                values.append(value)
            } else {
                #expect(buffer.readerIndex == before)
            }
        }
        #expect(values == Self.values)
    }

    @Test("malformed replies are protocol violations", arguments: [
        "?OK\r\n", ":12a\r\n", ":\r\n", ":99999999999999999999\r\n", ":+5\r\n", "$-2\r\n", "$3\r\nabcd\r\n", "*-5\r\n",
        "+O\rK\r\n", "+O\nK\r\n", "$x\r\n",
    ])
    func malformed(_ text: String) throws {
        #expect(throws: RedisError.self) { try Self.parseAll(Array(text.utf8)) }
    }

    @Test("a reply over a limit is refused at its header, before its bytes arrive")
    func oversized() throws {
        let limits = RESPLimits(maxBulkLength: 1024, maxArrayLength: 10, maxDepth: 2, maxLineLength: 24)
        #expect(throws: RedisError.protocolViolation("a bulk string of 1025 bytes is over the limit of 1024")) {
            try Self.parseAll(Array("$1025\r\n".utf8), limits: limits)
        }
        #expect(throws: RedisError.protocolViolation("a bulk string of 9223372036854775807 bytes is over the limit of 1024")) {
            try Self.parseAll(Array("$9223372036854775807\r\n".utf8), limits: limits)
        }
        #expect(throws: RedisError.self) { try Self.parseAll(Array("*11\r\n".utf8), limits: limits) }
        #expect(throws: RedisError.self) { try Self.parseAll(Array("*1\r\n*1\r\n*1\r\n:1\r\n".utf8), limits: limits) }
        // A line with no end in sight is refused once it is longer than the limit.
        #expect(throws: RedisError.self) { try Self.parseAll(Array("+\(String(repeating: "a", count: 40))".utf8), limits: limits) }
        #expect(try Self.parseAll(Array("+\(String(repeating: "a", count: 24))\r\n".utf8), limits: limits).count == 1)
        #expect(try Self.parseAll(Array("*2\r\n*1\r\n:1\r\n:2\r\n".utf8), limits: limits).count == 1)
    }

    @Test("commands are arrays of bulk strings, so any bytes pass unescaped")
    func commandEncoding() {
        var buffer = ByteBuffer()
        RESPCommand(bytes: [Array("SET".utf8), Array("k".utf8), [13, 10, 0, 36]]).write(into: &buffer)
        #expect(buffer.readString(length: buffer.readableBytes) == "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$4\r\n\r\n\0$\r\n")
        #expect(RESPCommand("auth", "user", "secret").name == "AUTH")
    }

    @Test("error replies become typed errors with their code")
    func typedErrors() {
        #expect(RedisError(reply: "WRONGTYPE Operation against a key") == .server(code: "WRONGTYPE", message: "Operation against a key"))
        #expect(RedisError(reply: "NOAUTH Authentication required.") == .server(code: "NOAUTH", message: "Authentication required."))
        #expect(RedisError(reply: "something odd") == .server(code: "ERR", message: "something odd"))
    }
}
