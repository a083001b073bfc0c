/// The rule for names of entries in an uploaded archive: relative, inside the archive, plain.
public enum ArchivePath {
    /// Why `path` may not be extracted, or `nil` when it is safe: no absolute paths, no `..`
    /// segments, no backslashes or control characters, and at most 512 bytes.
    public static func problem(_ path: String) -> String? {
        if path.isEmpty { return "has an empty name" }
        if path.utf8.count > 512 { return "has a name longer than 512 bytes" }
        // `C:` starts a Windows drive path.
        if path.hasPrefix("/") || path.hasPrefix("~") || path.split(separator: "/").first?.contains(":") == true {
            return "has an absolute path"
        }
        if path.contains("\\") { return "has a backslash in its name" }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "has a control character in its name" }
        if path.split(separator: "/", omittingEmptySubsequences: false).contains("..") { return "leaves the archive (..)" }
        return nil
    }
}
