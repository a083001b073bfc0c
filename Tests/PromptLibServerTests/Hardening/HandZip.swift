import Foundation
import PromptLibCore

/// Zip files built byte by byte, so that tests can declare what no honest writer would: ZIP64
/// fields, data descriptors, sizes of 2^64-1.
struct HandZip {
    struct Entry {
        var name: String
        /// 0 stored, 8 deflate.
        var method: UInt16 = 0
        var payload: Data
        var crc: UInt32
        var uncompressedSize: UInt64
        /// The compressed size the headers declare (defaults to the payload's length).
        var declaredCompressedSize: UInt64?
    }

    var entries: [Entry]
    /// Saturate the 32-bit sizes and offsets and give the real ones in ZIP64 extra fields.
    var zip64 = false
    /// Set flag bit 3 and put the sizes in a data descriptor after each entry's data.
    var dataDescriptor = false

    /// A stored entry with honest sizes.
    static func stored(_ name: String, _ text: String) -> Entry {
        let data = Data(text.utf8)
        return Entry(name: name, payload: data, crc: CRC32.checksum(data), uncompressedSize: UInt64(data.count))
    }

    var bytes: Data {
        var out = Data()
        var central = Data()
        for entry in entries {
            let offset = UInt64(out.count)
            let compressed = entry.declaredCompressedSize ?? UInt64(entry.payload.count)
            let flags: UInt16 = (dataDescriptor ? 0x8 : 0) | 0x800
            var extra = Data()
            if zip64 {
                extra.append(le: UInt16(1)); extra.append(le: UInt16(24))
                extra.append(le: entry.uncompressedSize); extra.append(le: compressed); extra.append(le: offset)
            }
            let small = { (value: UInt64) -> UInt32 in zip64 ? 0xFFFF_FFFF : UInt32(truncatingIfNeeded: value) }
            out.append(le: UInt32(0x0403_4B50)); out.append(le: UInt16(45)); out.append(le: flags); out.append(le: entry.method)
            out.append(le: UInt32(0)); out.append(le: dataDescriptor ? 0 : entry.crc)
            out.append(le: dataDescriptor ? 0 : small(compressed)); out.append(le: dataDescriptor ? 0 : small(entry.uncompressedSize))
            out.append(le: UInt16(entry.name.utf8.count)); out.append(le: UInt16(zip64 ? 20 : 0))
            out.append(Data(entry.name.utf8))
            if zip64 { out.append(le: UInt16(1)); out.append(le: UInt16(16)); out.append(le: entry.uncompressedSize); out.append(le: compressed) }
            out.append(entry.payload)
            if dataDescriptor {
                out.append(le: UInt32(0x0807_4B50)); out.append(le: entry.crc)
                if zip64 { out.append(le: compressed); out.append(le: entry.uncompressedSize) } else { out.append(le: UInt32(truncatingIfNeeded: compressed)); out.append(le: UInt32(truncatingIfNeeded: entry.uncompressedSize)) }
            }
            central.append(le: UInt32(0x0201_4B50)); central.append(le: UInt16(0x0314)); central.append(le: UInt16(45)); central.append(le: flags)
            central.append(le: entry.method); central.append(le: UInt32(0)); central.append(le: entry.crc)
            central.append(le: small(compressed)); central.append(le: small(entry.uncompressedSize))
            central.append(le: UInt16(entry.name.utf8.count)); central.append(le: UInt16(extra.count)); central.append(le: UInt16(0))
            central.append(le: UInt16(0)); central.append(le: UInt16(0)); central.append(le: UInt32(0o100644) << 16); central.append(le: small(offset))
            central.append(Data(entry.name.utf8)); central.append(extra)
        }
        let directoryOffset = UInt64(out.count)
        out.append(central)
        if zip64 {
            let recordOffset = UInt64(out.count)
            out.append(le: UInt32(0x0606_4B50)); out.append(le: UInt64(44)); out.append(le: UInt16(45)); out.append(le: UInt16(45))
            out.append(le: UInt32(0)); out.append(le: UInt32(0)); out.append(le: UInt64(entries.count)); out.append(le: UInt64(entries.count))
            out.append(le: UInt64(central.count)); out.append(le: directoryOffset)
            out.append(le: UInt32(0x0706_4B50)); out.append(le: UInt32(0)); out.append(le: recordOffset); out.append(le: UInt32(1))
        }
        out.append(le: UInt32(0x0605_4B50)); out.append(le: UInt16(0)); out.append(le: UInt16(0))
        out.append(le: UInt16(zip64 ? 0xFFFF : UInt16(entries.count))); out.append(le: UInt16(zip64 ? 0xFFFF : UInt16(entries.count)))
        out.append(le: zip64 ? 0xFFFF_FFFF : UInt32(central.count)); out.append(le: zip64 ? 0xFFFF_FFFF : UInt32(directoryOffset))
        out.append(le: UInt16(0))
        return out
    }
}

extension Data {
    mutating func append<T: FixedWidthInteger>(le value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
