/// What an uploaded archive may hold; beyond any of these it is refused before anything is written.
public struct ArchiveLimits: Sendable, Equatable {
    /// Entries in the archive.
    public var maxEntries: Int
    /// Bytes of all entries together, uncompressed.
    public var maxTotalBytes: Int
    /// Uncompressed size over compressed size, per entry and overall (zip bombs compress ~1000:1).
    public var maxRatio: Int

    public init(maxEntries: Int = 20_000, maxTotalBytes: Int = 104_857_600, maxRatio: Int = 100) {
        self.maxEntries = maxEntries
        self.maxTotalBytes = maxTotalBytes
        self.maxRatio = maxRatio
    }
}

/// An archive that breaks a limit or a rule, named so the client can act on it.
public struct ArchiveRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Over a limit: answered `413`.
        case tooLarge
        /// Not a readable archive, or an unsafe entry: answered `400`.
        case invalid
    }

    public var reason: Reason
    public var message: String

    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { message }
}
