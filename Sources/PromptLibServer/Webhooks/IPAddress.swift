#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address as its bytes (4 or 16), parsed strictly by `inet_pton`: no octal,
/// no shortened forms such as `127.1`, no zone ids.
struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    let bytes: [UInt8]

    init?(_ text: String) {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            bytes = withUnsafeBytes(of: &v6) { Array($0) }
        } else {
            return nil
        }
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isV4: Bool { bytes.count == 4 }

    /// The IPv4 address an IPv6 one carries — mapped (`::ffff:a.b.c.d`), translated
    /// (`::ffff:0:a.b.c.d`), the old compatible form (`::a.b.c.d`), NAT64 (`64:ff9b::/96`) or
    /// 6to4 (`2002:ab:cd::/16`) — which is where a connection to it may really go.
    var embeddedV4: IPAddress? {
        guard bytes.count == 16 else { return nil }
        let tail = IPAddress(bytes: Array(bytes[12..<16]))
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF { return tail }
        if bytes[0..<8].allSatisfy({ $0 == 0 }) && bytes[8] == 0xFF && bytes[9] == 0xFF && bytes[10] == 0 && bytes[11] == 0 { return tail }
        // The compatible form; `::` and `::1` (whose last bytes start with 0) are themselves.
        if bytes[0..<12].allSatisfy({ $0 == 0 }) && bytes[12] != 0 { return tail }
        if bytes[0..<12] == [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0][...] { return IPAddress(bytes: Array(bytes[12..<16])) }
        if bytes[0] == 0x20 && bytes[1] == 0x02 { return IPAddress(bytes: Array(bytes[2..<6])) }
        return nil
    }

    var description: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        var copy = bytes
        let family = isV4 ? AF_INET : AF_INET6
        guard inet_ntop(family, &copy, &buffer, socklen_t(buffer.count)) != nil else { return "?" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// A CIDR range such as `10.0.0.0/8` or `fc00::/7`; an address alone is its own /32 or /128.
struct IPRange: Hashable, Sendable {
    let network: IPAddress
    let prefix: Int

    init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(String(parts[0])) else { return nil }
        let width = address.bytes.count * 8
        if parts.count == 2 {
            guard parts[1].allSatisfy(\.isASCII), let prefix = Int(parts[1]), (0...width).contains(prefix), !parts[1].hasPrefix("+") else { return nil }
            self.prefix = prefix
        } else {
            prefix = width
        }
        network = address
    }

    /// Whether `address` is in the range (an IPv4 address is never in an IPv6 range, and back).
    func contains(_ address: IPAddress) -> Bool {
        guard address.bytes.count == network.bytes.count else { return false }
        var left = prefix
        for (a, b) in zip(address.bytes, network.bytes) where left > 0 {
            let bits = min(8, left)
            let mask: UInt8 = bits == 8 ? 0xFF : ~(0xFF >> UInt8(bits))
            if a & mask != b & mask { return false }
            left -= bits
        }
        return true
    }
}
