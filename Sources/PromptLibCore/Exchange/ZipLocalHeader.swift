/// The local header in front of a zip entry's data. Sizes are taken from the central directory,
/// but the header must be one, lie before the directory, and name the same entry: an archive
/// whose two names differ shows one thing to this reader and another to other tools.
enum ZipLocalHeader {
    /// Where the entry's data starts, checked to lie before `limit` (the central directory).
    static func dataStart(_ bytes: ZipBytes, at offset: Int, before limit: Int, path: String) throws(ArchiveRefusal) -> Int {
        guard bytes.u32(offset) == 0x0403_4B50, let nameLength = bytes.u16(offset + 26), let extraLength = bytes.u16(offset + 28),
              let start = ZipBytes.sum(offset, 30 + Int(nameLength) + Int(extraLength)), start <= limit,
              let name = bytes.slice(offset + 30, Int(nameLength)) else {
            throw ArchiveRefusal(.invalid, "entry \(path) has no local header where the directory says")
        }
        guard String(decoding: name, as: UTF8.self) == path else {
            throw ArchiveRefusal(.invalid, "entry \(path) has another name in its local header")
        }
        return start
    }
}
