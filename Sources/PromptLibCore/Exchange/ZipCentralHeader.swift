import Foundation

/// One central-directory header of a zip file, its 32-bit fields widened from the ZIP64 extra
/// field where they say `0xFFFFFFFF`. Every field is checked to lie inside the directory.
struct ZipCentralHeader {
    enum Kind { case file, directory, link }

    var path: String
    var kind: Kind
    var method: ZipDirectory.Entry.Method
    var crc32: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    var localOffset: Int
    /// Where the next header starts.
    var next: Int

    init(_ bytes: ZipBytes, at offset: Int, directoryEnd: Int) throws(ArchiveRefusal) {
        let damaged = ArchiveRefusal(.invalid, "has a damaged central directory")
        guard bytes.u32(offset) == 0x0201_4B50, offset <= directoryEnd - 46,
              let flags = bytes.u16(offset + 8), let method = bytes.u16(offset + 10), let crc = bytes.u32(offset + 16),
              let compressed = bytes.u32(offset + 20), let uncompressed = bytes.u32(offset + 24),
              let nameLength = bytes.u16(offset + 28), let extraLength = bytes.u16(offset + 30), let commentLength = bytes.u16(offset + 32),
              let madeBy = bytes.u16(offset + 4), let external = bytes.u32(offset + 38), let local = bytes.u32(offset + 42) else {
            throw damaged
        }
        let extraStart = offset + 46 + Int(nameLength)
        next = extraStart + Int(extraLength) + Int(commentLength)
        guard next <= directoryEnd, let name = bytes.slice(offset + 46, Int(nameLength)), let extra = bytes.slice(extraStart, Int(extraLength)) else {
            throw damaged
        }
        path = String(decoding: name, as: UTF8.self)
        if flags & 0x1 != 0 { throw ArchiveRefusal(.invalid, "entry \(path) is encrypted") }
        switch method {
        case 0: self.method = .stored
        case 8: self.method = .deflated
        default: throw ArchiveRefusal(.invalid, "entry \(path) uses compression method \(method) (only stored and deflate are read)")
        }
        // Unix "made by" hosts keep the file mode in the upper half of the external attributes.
        let mode = madeBy >> 8 == 3 ? (external >> 16) & 0o170000 : 0
        kind = mode == 0o120000 ? .link : (path.hasSuffix("/") || mode == 0o040000 ? .directory : .file)
        if kind == .file, mode != 0, mode != 0o100000 { throw ArchiveRefusal(.invalid, "entry \(path) is not a regular file") }
        crc32 = crc
        (uncompressedSize, compressedSize, localOffset) = (Int(uncompressed), Int(compressed), Int(local))
        try widenFromZIP64(Array(extra), uncompressed: uncompressed, compressed: compressed, local: local)
    }

    /// Replaces each saturated 32-bit field with its 64-bit value from the ZIP64 extra field (id 1),
    /// which lists them in this order and only those that are saturated.
    private mutating func widenFromZIP64(_ extra: [UInt8], uncompressed: UInt32, compressed: UInt32, local: UInt32) throws(ArchiveRefusal) {
        guard uncompressed == 0xFFFF_FFFF || compressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF else { return }
        let fields = ZipBytes(Data(extra))
        var at = 0
        while let id = fields.u16(at), let size = fields.u16(at + 2) {
            let body = at + 4
            if id == 1 {
                var cursor = body
                func take() throws(ArchiveRefusal) -> Int {
                    guard cursor + 8 <= body + Int(size), let value = fields.int64(cursor) else {
                        throw ArchiveRefusal(.invalid, "entry \(path) has a damaged or impossible ZIP64 size")
                    }
                    cursor += 8
                    return value
                }
                if uncompressed == 0xFFFF_FFFF { uncompressedSize = try take() }
                if compressed == 0xFFFF_FFFF { compressedSize = try take() }
                if local == 0xFFFF_FFFF { localOffset = try take() }
                return
            }
            at = body + Int(size)
        }
        throw ArchiveRefusal(.invalid, "entry \(path) has saturated sizes but no ZIP64 field")
    }
}
