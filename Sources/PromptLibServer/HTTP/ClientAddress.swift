/// Which address a request really comes from.
enum ClientAddress {
    /// The peer itself, unless it is a trusted proxy: then the right-most `X-Forwarded-For` entry
    /// that is not a trusted proxy. Entries left of that were written by the client and prove nothing.
    static func resolve(peer: String?, forwardedFor: String?, trusted: Set<String>) -> String? {
        guard let peer, trusted.contains(peer), let forwardedFor else { return peer }
        let hops = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for hop in hops.reversed() where !trusted.contains(hop) {
            return String(hop.prefix(64))
        }
        return peer
    }
}
