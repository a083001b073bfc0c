import Foundation
import Logging
@testable import PromptLibServer
import Testing

@Suite("JSON logs")
struct JSONLogHandlerTests {
    @Test("one JSON object per line with timestamp, level, message and metadata")
    func writesJSONLines() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID())").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
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

@Suite("Log files")
struct RotatingLogFileTests {
    @Test("LOGS_DIR files rotate at their size limit and keep a bounded number of old files")
    func rotates() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("logs-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = try RotatingLogFile(directory: directory, maxBytes: 100, keep: 2)
        let line = Data((String(repeating: "x", count: 39) + "\n").utf8)
        for _ in 0..<12 { file.write(line) }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(names == ["promptlib.log", "promptlib.log.1", "promptlib.log.2"])
        for name in names {
            let size = try FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.size] as? Int ?? 0
            #expect(size > 0 && size <= 100)
        }
    }
}
