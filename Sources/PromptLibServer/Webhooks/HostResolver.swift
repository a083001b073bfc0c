#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import NIOPosix

/// Resolves host names to addresses with the system's resolver (`getaddrinfo`, so `/etc/hosts`
/// counts as it does for every other program). The call blocks, so it runs on threads of its
/// own — never Swift's cooperative threads, nor the pool the database's file I/O uses — and a
/// name server that never answers ties up one of these four threads, not the server.
struct HostResolver: Sendable {
    private static let threads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 4)
        pool.start()
        return pool
    }()

    struct Failed: Error {
        let reason: String
    }

    /// Every address `host` resolves to, without duplicates, in the resolver's order.
    var resolve: @Sendable (String) async throws -> [IPAddress] = { host in
        try await Self.threads.runIfActive { try Self.system(host) }
    }

    static func system(_ host: String) throws -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let first = list else {
            throw Failed(reason: "the host name does not resolve (\(String(cString: gai_strerror(status))))")
        }
        defer { freeaddrinfo(first) }
        var found: [IPAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if let address = entry.pointee.ai_addr {
                switch Int32(address.pointee.sa_family) {
                case AF_INET:
                    address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
                        var raw = v4.pointee.sin_addr
                        found.append(IPAddress(bytes: withUnsafeBytes(of: &raw) { Array($0) }))
                    }
                case AF_INET6:
                    address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
                        var raw = v6.pointee.sin6_addr
                        found.append(IPAddress(bytes: withUnsafeBytes(of: &raw) { Array($0) }))
                    }
                default: break
                }
            }
            cursor = entry.pointee.ai_next
        }
        var seen = Set<IPAddress>()
        return found.filter { seen.insert($0).inserted }
    }
}
