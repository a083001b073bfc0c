import CompressNIO
import Foundation
import NIOCore
import PromptLibCore
import ZIPFoundation

/// Export archives: zip (ZIPFoundation) or tar.gz (``TarArchive`` and zlib), written the same way
/// every time, and read under ``ArchiveLimits``. Zips are written with ZIPFoundation but read by
/// ``ZipDirectory``, which checks every size and offset before anything is inflated.
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

    /// Zip entries from ``ZipDirectory`` (every size and offset checked first), inflated with
    /// zlib under the declared size and checked against their CRC-32.
    private static func readZip(_ data: Data, limits: ArchiveLimits) throws(ArchiveRefusal) -> [(path: String, data: Data)] {
        let directory = try ZipDirectory(data, limits: limits)
        var files: [(path: String, data: Data)] = []
        for entry in directory.entries {
            let raw = data[data.startIndex + entry.data.lowerBound..<data.startIndex + entry.data.upperBound]
            let contents: Data
            switch entry.method {
            case .stored:
                contents = Data(raw)
            case .deflated:
                var buffer = ByteBuffer(bytes: raw)
                do {
                    // Sizes in headers can lie; inflating stops at the declared size.
                    contents = Data(buffer: try buffer.decompress(with: .deflate(), maxSize: max(entry.uncompressedSize, 1)))
                } catch let error as CompressNIOError where error == .bufferOverflow {
                    throw ArchiveRefusal(.tooLarge, "entry \(entry.path) is larger than its header says")
                } catch {
                    throw ArchiveRefusal(.invalid, "entry \(entry.path) is not readable deflate data")
                }
            }
            guard contents.count == entry.uncompressedSize, CRC32.checksum(contents) == entry.crc32 else {
                throw ArchiveRefusal(.invalid, "entry \(entry.path) does not match its size or checksum (a damaged archive)")
            }
            files.append((entry.path, contents))
        }
        return files
    }
}
