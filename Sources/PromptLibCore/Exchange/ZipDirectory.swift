import Foundation

/// The central directory of an uploaded zip file, read by hand so that every size and offset is
/// checked — without overflow, against the file's real length — before a byte is inflated.
/// A hostile upload can declare any 32- or 64-bit value (ZIP64 sizes of 2^64-1 crashed the
/// library reader this replaces), so nothing read from the file is trusted unchecked.
public struct ZipDirectory: Sendable {
    /// One regular file (directories are skipped, links refused), its data located and bounded
    /// inside the file.
    public struct Entry: Sendable, Equatable {
        public enum Method: Sendable, Equatable { case stored, deflated }

        public var path: String
        public var method: Method
        /// Where the entry's compressed bytes lie in the file.
        public var data: Range<Int>
        /// The size the header declares once inflated (checked again while inflating).
        public var uncompressedSize: Int
        public var crc32: UInt32
    }

    public private(set) var entries: [Entry] = []

    /// Reads and checks the central directory of `data`: entry count, total and per-entry
    /// inflated size and ratio under `limits`, entry names under ``ArchivePath``, links refused.
    public init(_ data: Data, limits: ArchiveLimits) throws(ArchiveRefusal) {
        let bytes = ZipBytes(data)
        let end = try Self.endRecord(bytes)
        guard end.entryCount <= limits.maxEntries else { throw ArchiveRefusal(.tooLarge, "has more than \(limits.maxEntries) entries") }
        var offset = end.directoryOffset
        var declared = 0
        for _ in 0..<end.entryCount {
            let header = try ZipCentralHeader(bytes, at: offset, directoryEnd: end.directoryEnd)
            offset = header.next
            if let problem = ArchivePath.problem(header.path) { throw ArchiveRefusal(.invalid, "entry \(header.path) \(problem)") }
            if header.kind == .link { throw ArchiveRefusal(.invalid, "entry \(header.path) is a link (links are refused)") }
            if header.kind == .directory { continue }
            let (sum, overflow) = declared.addingReportingOverflow(header.uncompressedSize)
            guard !overflow, sum <= limits.maxTotalBytes else {
                throw ArchiveRefusal(.tooLarge, "holds more than \(limits.maxTotalBytes) bytes uncompressed")
            }
            declared = sum
            // Small files compress unevenly; a bomb is large and compresses absurdly well.
            if header.uncompressedSize > 65_536, header.uncompressedSize / max(header.compressedSize, 1) > limits.maxRatio {
                throw ArchiveRefusal(.tooLarge, "entry \(header.path) inflates more than \(limits.maxRatio) times (a zip bomb?)")
            }
            let start = try ZipLocalHeader.dataStart(bytes, at: header.localOffset, before: end.directoryOffset, path: header.path)
            guard let stop = ZipBytes.sum(start, header.compressedSize), stop <= end.directoryOffset else {
                throw ArchiveRefusal(.invalid, "entry \(header.path) declares more bytes than the file holds")
            }
            entries.append(Entry(path: header.path, method: header.method, data: start..<stop,
                                 uncompressedSize: header.uncompressedSize, crc32: header.crc32))
        }
    }

    /// The end-of-central-directory record (and its ZIP64 form when the 32-bit fields overflow).
    private static func endRecord(_ bytes: ZipBytes) throws(ArchiveRefusal) -> (entryCount: Int, directoryOffset: Int, directoryEnd: Int) {
        let notZip = ArchiveRefusal(.invalid, "is not a readable zip file")
        // The record is 22 bytes plus a comment of at most 65,535; search backwards for it.
        let lowest = max(0, bytes.count - 22 - 65_535)
        guard bytes.count >= 22, let at = stride(from: bytes.count - 22, through: lowest, by: -1).first(where: { bytes.u32($0) == 0x0605_4B50 }) else {
            throw notZip
        }
        var count = Int(bytes.u16(at + 10) ?? 0)
        var size = Int(bytes.u32(at + 12) ?? 0)
        var offset = Int(bytes.u32(at + 16) ?? 0)
        var recordStart = at
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            // ZIP64: a locator 20 bytes before the record points at the 64-bit record.
            guard at >= 20, bytes.u32(at - 20) == 0x0706_4B50, let where64 = bytes.int64(at - 12), bytes.u32(where64) == 0x0606_4B50,
                  let count64 = bytes.int64(where64 + 32), let size64 = bytes.int64(where64 + 40), let offset64 = bytes.int64(where64 + 48),
                  where64 < at - 20 else {
                throw ArchiveRefusal(.invalid, "has a damaged ZIP64 end record")
            }
            (count, size, offset, recordStart) = (count64, size64, offset64, where64)
        }
        guard let directoryEnd = ZipBytes.sum(offset, size), directoryEnd <= recordStart else {
            throw ArchiveRefusal(.invalid, "has a central directory outside the file")
        }
        // Each central header is at least 46 bytes: a count the directory cannot hold is a lie.
        guard count <= size / 46 else { throw ArchiveRefusal(.invalid, "declares more entries than its directory holds") }
        return (count, offset, directoryEnd)
    }
}
