import Foundation

/// Where webhooks may connect: anywhere public, and never to a private, loopback, link-local or
/// otherwise special address — checked on the addresses a host name resolves to, at connect time
/// — unless the operator lists the host, address or range in `WEBHOOK_ALLOWED_HOSTS`.
struct OutboundAddressPolicy: Sendable, Equatable {
    /// Host names allowed whatever they resolve to (lowercase, without a trailing dot).
    private(set) var hosts: Set<String> = []
    /// Addresses and ranges allowed even when special.
    private(set) var ranges: [IPRange] = []

    /// What no webhook reaches unless allowed: RFC 6890's special-purpose ranges, among them
    /// private networks, loopback, link-local (cloud metadata at 169.254.169.254), carrier-grade
    /// NAT, multicast, documentation and reserved ranges.
    static let blocked: [IPRange] = [
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24",
        "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
        "::/128", "::1/128", "64:ff9b:1::/48", "100::/64", "2001::/32", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
    ].map { IPRange($0)! }

    init() {}

    /// Reads the comma-separated `WEBHOOK_ALLOWED_HOSTS`: host names, addresses or CIDR ranges.
    init(allowing list: String) throws(ConfigurationError) {
        for item in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            if let range = IPRange(item) {
                ranges.append(range)
            } else if let host = Self.hostName(item) {
                hosts.insert(host)
            } else {
                throw ConfigurationError(variable: "WEBHOOK_ALLOWED_HOSTS", message: "has an entry that is neither a host name, an address nor a CIDR range: \(item.prefix(100))")
            }
        }
    }

    /// `text` as a host name is compared: lowercase, without a trailing dot; nil when it is not one.
    static func hostName(_ text: String) -> String? {
        let name = (text.hasSuffix(".") ? String(text.dropLast()) : text).lowercased()
        guard !name.isEmpty, name.utf8.count <= 253,
              name.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F }),
              !name.split(separator: ".", omittingEmptySubsequences: false).contains(where: { $0.isEmpty || $0.count > 63 }) else { return nil }
        return name
    }

    /// Whether `host` (a name) is listed, so that whatever it resolves to may be reached.
    func allowsName(_ host: String) -> Bool {
        Self.hostName(host).map(hosts.contains) ?? false
    }

    /// Why `address` may not be reached, or nil when it may.
    func refusal(_ address: IPAddress) -> String? {
        if ranges.contains(where: { $0.contains(address) }) { return nil }
        if let inner = address.embeddedV4 {
            if ranges.contains(where: { $0.contains(inner) }) { return nil }
            if Self.blocked.contains(where: { $0.contains(inner) }) { return "\(address) leads to \(inner), a private or special address" }
        }
        if Self.blocked.contains(where: { $0.contains(address) }) { return "\(address) is a private, loopback, link-local or special address" }
        return nil
    }
}
