import NIOCore
import NIOSSL

/// The TLS client side of a `rediss://` connection: the system's trust roots, or the configured
/// CA file, and the host name checked against the server's certificate.
struct TLSSetup: Sendable {
    let context: NIOSSLContext
    let hostname: String?

    init(_ configuration: RedisConfiguration) throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        if let file = configuration.tlsCAFile {
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(file))
            } catch {
                throw RedisError.invalidURL("the TLS CA file \(file) cannot be read as PEM certificates")
            }
        }
        context = try NIOSSLContext(configuration: tls)
        // SNI takes names only; an address is still checked against the certificate's IP entries.
        let isAddress = (try? SocketAddress(ipAddress: configuration.host, port: configuration.port)) != nil
        hostname = isAddress ? nil : configuration.host
    }

    func handler() throws -> NIOSSLClientHandler {
        try NIOSSLClientHandler(context: context, serverHostname: hostname)
    }
}
