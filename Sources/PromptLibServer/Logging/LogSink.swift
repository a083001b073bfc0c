import Foundation
import NIOConcurrencyHelpers

/// Where log lines go: standard output, and a rotated file in `LOGS_DIR` when one is set.
/// Shared by every handler, so lines never interleave.
public final class LogSink: Sendable {
    private let lock = NIOLock()
    private let handle: FileHandle
    private let file: RotatingLogFile?

    /// The process's standard output only.
    public static let standardOutput = LogSink(handle: .standardOutput)

    init(handle: FileHandle, file: RotatingLogFile? = nil) {
        self.handle = handle
        self.file = file
    }

    /// Standard output, plus `promptlib.log` in `logsDirectory` when it is given.
    public static func make(logsDirectory: String?) throws -> LogSink {
        guard let logsDirectory else { return .standardOutput }
        return LogSink(handle: .standardOutput, file: try RotatingLogFile(directory: logsDirectory))
    }

    func write(_ line: String) {
        let data = Data(line.utf8)
        lock.withLock {
            handle.write(data)
            file?.write(data)
        }
    }
}

/// `promptlib.log`, renamed to `promptlib.log.1` … `.N` when it reaches its size limit.
/// Only ever called under ``LogSink``'s lock.
final class RotatingLogFile: @unchecked Sendable {
    let path: String
    let maxBytes: Int
    let keep: Int
    private var handle: FileHandle
    private var size: Int

    init(directory: String, maxBytes: Int = 10 * 1_048_576, keep: Int = 5) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = (directory as NSString).appendingPathComponent("promptlib.log")
        self.maxBytes = maxBytes
        self.keep = keep
        (handle, size) = try Self.open(path)
    }

    private static func open(_ path: String) throws -> (FileHandle, Int) {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o640]) else {
                throw ConfigurationError(variable: "LOGS_DIR", message: "is not writable: cannot create \(path)")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw ConfigurationError(variable: "LOGS_DIR", message: "is not writable: cannot open \(path)")
        }
        let size = Int(handle.seekToEndOfFile())
        return (handle, size)
    }

    func write(_ data: Data) {
        if size + data.count > maxBytes && size > 0 { rotate() }
        handle.write(data)
        size += data.count
    }

    private func rotate() {
        try? handle.close()
        let files = FileManager.default
        try? files.removeItem(atPath: "\(path).\(keep)")
        for index in stride(from: keep - 1, through: 1, by: -1) {
            try? files.moveItem(atPath: "\(path).\(index)", toPath: "\(path).\(index + 1)")
        }
        try? files.moveItem(atPath: path, toPath: "\(path).1")
        // If the new file cannot be opened, keep logging to standard output rather than crash.
        if let (newHandle, newSize) = try? Self.open(path) {
            handle = newHandle
            size = newSize
        }
    }
}
