import Foundation
import Logging
@testable import PromptLibServer
import Testing

@Suite("JSON logs")
struct JSONLogHandlerTests {
    @Test("one JSON object per line with timestamp, level, message and metadata")
    func writesJSONLines() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID())").path
        FileManager.default.createFile(atPath: path, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        var logger = Logger(label: "test") { JSONLogHandler(label: $0, level: .info, sink: LogSink(handle: handle)) }
        logger[metadataKey: "request_id"] = "abc"
        logger.info("request \"done\"\nnext line", metadata: ["status": .stringConvertible(201), "path": "/x"])
        logger.debug("below the level")
        try handle.close()

        let lines = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
            .split(separator: "\n")
        #expect(lines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["level"] as? String == "info")
        #expect(object["message"] as? String == "request \"done\"\nnext line")
        #expect(object["request_id"] as? String == "abc")
        #expect(object["status"] as? Int == 201)
        #expect(object["path"] as? String == "/x")
        #expect((object["timestamp"] as? String)?.hasSuffix("Z") == true)
    }
}
