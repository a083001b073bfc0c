import Foundation

/// Little-endian reads from a zip file that answer `nil` instead of trapping when a field lies
/// past the end, and sums that answer `nil` on overflow: the vocabulary of ``ZipDirectory``.
struct ZipBytes {
    private let bytes: [UInt8]

    init(_ data: Data) { bytes = [UInt8](data) }

    var count: Int { bytes.count }

    func u16(_ offset: Int) -> UInt16? {
        guard offset >= 0, offset <= bytes.count - 2 else { return nil }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    func u32(_ offset: Int) -> UInt32? {
        guard offset >= 0, offset <= bytes.count - 4 else { return nil }
        return (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }

    /// A 64-bit field as an `Int`; `nil` past the end or above `Int.max` (no real file is that big).
    func int64(_ offset: Int) -> Int? {
        guard offset >= 0, offset <= bytes.count - 8 else { return nil }
        let value = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
        return Int(exactly: value)
    }

    /// The bytes in `range`, or `nil` when it does not lie inside the file.
    func slice(_ start: Int, _ length: Int) -> ArraySlice<UInt8>? {
        guard start >= 0, length >= 0, let end = Self.sum(start, length), end <= bytes.count else { return nil }
        return bytes[start..<end]
    }

    /// `a + b`, or `nil` when it overflows.
    static func sum(_ a: Int, _ b: Int) -> Int? {
        let (result, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : result
    }
}
