import CompressNIO
import Foundation
import NIOCore
import PromptLibCore
import ZIPFoundation

/// Export archives: zip (ZIPFoundation) or tar.gz (``TarArchive`` and zlib), written the same way
/// every time, and read under ``ArchiveLimits``.
enum ArchiveCodec {
    enum Kind: String, Sendable, CaseIterable {
        case zip
        case tarGz = "tar.gz"

        var contentType: String { self == .zip ? "application/zip" : "application/gzip" }
    }

    /// Entries carry this time, so the same files always make the same archive.
    static let entryDate = Date(timeIntervalSince1970: 1_577_836_800)  // 2020-01-01

    /// The kind of archive `data` is, from its first bytes; `nil` when it is not one.
    static func detect(_ data: Data) -> Kind? {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .zip }
        if data.starts(with: [0x1F, 0x8B]) { return .tarGz }
        return nil
    }

    static func write(_ files: [(path: String, data: Data)], kind: Kind) throws -> Data {
        switch kind {
        case .zip:
            let archive = try Archive(data: Data(), accessMode: .create)
            for file in files {
                let data = file.data
                try archive.addEntry(with: file.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
                                     permissions: 0o644, compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            return archive.data ?? Data()
        case .tarGz:
            var tar = ByteBuffer(data: try TarArchive.write(files))
            let gzipped = try tar.compress(with: .gzip())
            return Data(buffer: gzipped)
        }
    }

    /// The regular files of an archive, every limit checked before and while bytes are inflated.
    static func read(_ data: Data, kind: Kind, limits: ArchiveLimits) throws(ArchiveRefusal) -> [(path: String, data: Data)] {
        switch kind {
        case .tarGz:
            var buffer = ByteBuffer(data: data)
            let maxSize = min(limits.maxTotalBytes + limits.maxEntries * 1_024 + 1_024, max(data.count, 1) * limits.maxRatio)
            let tar: ByteBuffer
            do {
                tar = try buffer.decompress(with: .gzip(), maxSize: maxSize)
            } catch let error as CompressNIOError where error == .bufferOverflow {
                throw ArchiveRefusal(.tooLarge, "inflates beyond \(maxSize) bytes (more than \(limits.maxRatio) times its size, or over the total limit)")
            } catch {
                throw ArchiveRefusal(.invalid, "is not a readable gzip file")
            }
            return try TarArchive.read(Data(buffer: tar), limits: limits)
        case .zip:
            return try readZip(data, limits: limits)
        }
    }

    private static func readZip(_ data: Data, limits: ArchiveLimits) throws(ArchiveRefusal) -> [(path: String, data: Data)] {
        // Read from a private temporary file, not from memory: ZIPFoundation's in-memory reader
        // traps on an entry whose offset points past the end (a crash a hostile upload could
        // cause), while its file reader just finds nothing there.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("promptlib-import-\(UUID().uuidString)")
        let file = directory.appendingPathComponent("upload.zip")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            try data.write(to: file)
        } catch {
            throw ArchiveRefusal(.invalid, "could not be staged for reading (\(error))")
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let archive: Archive
        do { archive = try Archive(url: file, accessMode: .read) } catch { throw ArchiveRefusal(.invalid, "is not a readable zip file") }
        // Headers first: nothing is inflated unless the whole archive is within the limits.
        var entries: [Entry] = []
        var declared: UInt64 = 0
        for entry in archive {
            entries.append(entry)
            if entries.count > limits.maxEntries { throw ArchiveRefusal(.tooLarge, "has more than \(limits.maxEntries) entries") }
            if let problem = ArchivePath.problem(entry.path) { throw ArchiveRefusal(.invalid, "entry \(entry.path) \(problem)") }
            switch entry.type {
            case .directory: continue
            case .symlink: throw ArchiveRefusal(.invalid, "entry \(entry.path) is a link (links are refused)")
            case .file: break
            }
            declared += entry.uncompressedSize
            if declared > UInt64(limits.maxTotalBytes) {
                throw ArchiveRefusal(.tooLarge, "holds more than \(limits.maxTotalBytes) bytes uncompressed")
            }
            // Small files compress unevenly; a bomb is large and compresses absurdly well.
            if entry.uncompressedSize > 65_536, entry.uncompressedSize / max(entry.compressedSize, 1) > UInt64(limits.maxRatio) {
                throw ArchiveRefusal(.tooLarge, "entry \(entry.path) inflates more than \(limits.maxRatio) times (a zip bomb?)")
            }
        }
        var files: [(path: String, data: Data)] = []
        for entry in entries where entry.type == .file {
            var contents = Data()
            let cap = Int(entry.uncompressedSize)
            do {
                _ = try archive.extract(entry) { chunk in
                    // Sizes in headers can lie; the bytes actually inflated are counted too.
                    guard contents.count + chunk.count <= cap else { throw ArchiveRefusal(.tooLarge, "entry \(entry.path) is larger than its header says") }
                    contents.append(chunk)
                }
            } catch let refusal as ArchiveRefusal {
                throw refusal
            } catch {
                throw ArchiveRefusal(.invalid, "entry \(entry.path) cannot be read (\(error))")
            }
            files.append((entry.path, contents))
        }
        return files
    }
}
