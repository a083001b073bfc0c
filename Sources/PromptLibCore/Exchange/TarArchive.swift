import Foundation

/// The ustar format, for `tar.gz` exports: regular files only, written with fixed owner, mode and
/// time so the same files always give the same bytes.
public enum TarArchive {
    /// The files as a tar archive.
    public static func write(_ files: [(path: String, data: Data)]) throws -> Data {
        var out = Data()
        for file in files {
            var (prefix, name) = ("", file.path)
            if name.utf8.count > 100 {
                // ustar splits long paths at a slash: up to 155 bytes of prefix and 100 of name.
                guard let slash = name.utf8.indices.filter({ name.utf8[$0] == UInt8(ascii: "/") })
                        .last(where: { name.utf8.distance(from: name.utf8.startIndex, to: $0) <= 155 && name.utf8.distance(from: $0, to: name.utf8.endIndex) - 1 <= 100 }) else {
                    throw ArchiveRefusal(.invalid, "\(file.path) is too long a path for tar")
                }
                prefix = String(name[..<slash])
                name = String(name[name.index(after: slash)...])
            }
            var header = [UInt8](repeating: 0, count: 512)
            put(name, at: 0, length: 100, in: &header)
            put("0000644", at: 100, length: 8, in: &header)
            put("0000000", at: 108, length: 8, in: &header)
            put("0000000", at: 116, length: 8, in: &header)
            put(String(format: "%011o", file.data.count), at: 124, length: 12, in: &header)
            put("00000000000", at: 136, length: 12, in: &header)
            header[156] = UInt8(ascii: "0")
            put("ustar", at: 257, length: 6, in: &header)
            put("00", at: 263, length: 2, in: &header)
            put(prefix, at: 345, length: 155, in: &header)
            for index in 148..<156 { header[index] = UInt8(ascii: " ") }
            let checksum = header.reduce(0) { $0 + Int($1) }
            put(String(format: "%06o", checksum), at: 148, length: 7, in: &header)
            header[154] = 0
            header[155] = UInt8(ascii: " ")
            out.append(contentsOf: header)
            out.append(file.data)
            let padding = (512 - file.data.count % 512) % 512
            out.append(contentsOf: [UInt8](repeating: 0, count: padding))
        }
        out.append(contentsOf: [UInt8](repeating: 0, count: 1024))
        return out
    }

    /// The regular files of a tar archive. Directories are skipped; links, devices and unsafe names
    /// are refused; every limit is checked from the headers before a file's bytes are copied.
    public static func read(_ data: Data, limits: ArchiveLimits) throws(ArchiveRefusal) -> [(path: String, data: Data)] {
        let bytes = [UInt8](data)
        var files: [(path: String, data: Data)] = []
        var offset = 0
        var total = 0
        var entries = 0
        while offset + 512 <= bytes.count {
            let header = bytes[offset..<offset + 512]
            if header.allSatisfy({ $0 == 0 }) { break }
            let stored = header.enumerated().reduce(0) { sum, item in sum + ((148..<156).contains(item.offset) ? Int(UInt8(ascii: " ")) : Int(item.element)) }
            guard let checksum = octal(bytes, offset + 148, 8), checksum == stored else {
                throw ArchiveRefusal(.invalid, "is not a tar archive (bad header checksum)")
            }
            guard let size = octal(bytes, offset + 124, 12), size >= 0 else { throw ArchiveRefusal(.invalid, "has an entry with an unreadable size") }
            let name = string(bytes, offset, 100)
            let prefix = string(bytes, offset + 345, 155)
            let path = prefix.isEmpty ? name : prefix + "/" + name
            let type = bytes[offset + 156]
            entries += 1
            if entries > limits.maxEntries { throw ArchiveRefusal(.tooLarge, "has more than \(limits.maxEntries) entries") }
            let start = offset + 512
            let end = start + size
            guard end <= bytes.count else { throw ArchiveRefusal(.invalid, "is truncated") }
            switch type {
            case UInt8(ascii: "0"), 0:
                if let problem = ArchivePath.problem(path) { throw ArchiveRefusal(.invalid, "entry \(path) \(problem)") }
                total += size
                if total > limits.maxTotalBytes { throw ArchiveRefusal(.tooLarge, "holds more than \(limits.maxTotalBytes) bytes uncompressed") }
                files.append((path, Data(bytes[start..<end])))
            case UInt8(ascii: "5"):
                break
            case UInt8(ascii: "x"), UInt8(ascii: "g"):
                break  // pax headers: the names we read are the ustar ones
            default:
                throw ArchiveRefusal(.invalid, "entry \(path) is not a regular file (links and devices are refused)")
            }
            offset = start + (size + 511) / 512 * 512
        }
        return files
    }

    private static func put(_ text: String, at offset: Int, length: Int, in header: inout [UInt8]) {
        for (index, byte) in text.utf8.prefix(length).enumerated() { header[offset + index] = byte }
    }

    private static func string(_ bytes: [UInt8], _ offset: Int, _ length: Int) -> String {
        let field = bytes[offset..<offset + length]
        return String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }

    private static func octal(_ bytes: [UInt8], _ offset: Int, _ length: Int) -> Int? {
        let text = string(bytes, offset, length).trimmingCharacters(in: CharacterSet(charactersIn: " \0"))
        return text.isEmpty ? 0 : Int(text, radix: 8)
    }
}
