/// Percent-decoding on the UTF-8 bytes, as Foundation's `removingPercentEncoding` decodes but
/// without its cost: every request's path and query pass through here, and the Foundation call
/// (through `NSString`) was a seventh of a cached fetch's time.
enum PercentDecoding {
    /// `text` decoded (`+` as a space too when `plusIsSpace`, as forms encode it); nil when a `%`
    /// is not followed by two hex digits or the bytes are not UTF-8. Text with nothing to decode
    /// is returned as it is, without copying.
    static func decode(_ text: Substring, plusIsSpace: Bool) -> Substring? {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%") {
                let first = utf8.index(after: index)
                guard first != utf8.endIndex, utf8.index(after: first) != utf8.endIndex,
                      let high = hexValue(utf8[first]), let low = hexValue(utf8[utf8.index(after: first)]) else { return nil }
                bytes.append(high << 4 | low)
                index = utf8.index(first, offsetBy: 2)
                continue
            }
            bytes.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index = utf8.index(after: index)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else { return nil }
        return Substring(decoded)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
