import Foundation

/// The parts of a `postgresql://user:pass@host:port/db?sslmode=…` URL.
public struct PostgresURL: Sendable, Equatable {
    /// How the connection uses TLS.
    public enum TLSMode: String, Sendable {
        case disable, prefer, require
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    /// Parses `string`, throwing a message that names what is wrong (never the password).
    public init(_ string: String) throws(PostgresURLError) {
        guard let components = URLComponents(string: string) else { throw .init("is not a valid URL") }
        guard let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme) else {
            throw .init("must start with postgresql://")
        }
        guard let host = components.host, !host.isEmpty else { throw .init("has no host") }
        guard let user = components.user, !user.isEmpty else { throw .init("has no user name") }
        if let port = components.port, !(1...65535).contains(port) { throw .init("has an invalid port") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        let modeName = components.queryItems?.last(where: { ["sslmode", "tlsmode"].contains($0.name) })?.value
        let mode: TLSMode
        switch modeName ?? "prefer" {
        case "disable": mode = .disable
        case "allow", "prefer": mode = .prefer
        case "require", "verify-ca", "verify-full": mode = .require
        default: throw .init("has an unknown sslmode (use disable, prefer or require)")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database.isEmpty ? self.username : database
        self.tls = mode
    }
}

/// Why a PostgreSQL URL was rejected.
public struct PostgresURLError: Error, Sendable, CustomStringConvertible {
    /// The reason, without the URL's secret parts.
    public var description: String
    init(_ description: String) { self.description = description }
}
