/// The local header in front of a zip entry's data. Only its length matters here — sizes are
/// taken from the central directory — but it must be a header and lie before the directory.
enum ZipLocalHeader {
    /// Where the entry's data starts, checked to lie before `limit` (the central directory).
    static func dataStart(_ bytes: ZipBytes, at offset: Int, before limit: Int, path: String) throws(ArchiveRefusal) -> Int {
        guard bytes.u32(offset) == 0x0403_4B50, let nameLength = bytes.u16(offset + 26), let extraLength = bytes.u16(offset + 28),
              let start = ZipBytes.sum(offset, 30 + Int(nameLength) + Int(extraLength)), start <= limit else {
            throw ArchiveRefusal(.invalid, "entry \(path) has no local header where the directory says")
        }
        return start
    }
}
