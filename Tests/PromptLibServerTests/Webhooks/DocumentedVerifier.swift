import Foundation

/// The signature checks docs/webhooks.md gives, run as written: the Python one with python3 and
/// the JavaScript one with Node.js, each on a body, a header and a secret.
enum DocumentedVerifier {
    enum Language: String, CaseIterable {
        case python, javascript
    }

    /// The code block of docs/webhooks.md marked ```` ```<language> verify ````.
    static func snippet(_ language: Language) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/webhooks.md"), encoding: .utf8)
        guard let start = text.range(of: "```\(language.rawValue) verify\n"), let end = text.range(of: "\n```", range: start.upperBound..<text.endIndex) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return String(text[start.upperBound..<end.lowerBound])
    }

    /// Whether the documented function accepts `body` under `header` with `secret`.
    static func verify(_ language: Language, body: Data, header: String, secret: String) throws -> Bool {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("webhook-body-\(UUID().uuidString)")
        try body.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let code = try snippet(language)
        let arguments: [String] = switch language {
        case .python:
            ["python3", "-c", code + "\nimport sys\nprint(verify(open(sys.argv[1], 'rb').read(), sys.argv[2], sys.argv[3]))", file.path, header, secret]
        case .javascript:
            ["node", "-e", code + "\nconsole.log(verify(require('node:fs').readFileSync(process.argv[1]), process.argv[2], process.argv[3]) ? 'True' : 'False')",
             file.path, header, secret]
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return printed.trimmingCharacters(in: .whitespacesAndNewlines) == "True"
    }
}
