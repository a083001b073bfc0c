import Foundation

/// Where and how to reach Redis, read from `REDIS_URL`:
/// `redis://[[user]:password@]host[:port][/db]`, or `rediss://…` for TLS.
public struct RedisConfiguration: Sendable, Hashable {
    /// The server's host name or address.
    public var host: String
    /// Its port (6379 unless the URL names one).
    public var port: Int
    /// The ACL user for `AUTH`, when the URL names one.
    public var username: String?
    /// The password for `AUTH`, when the URL holds one. Never logged: see ``redacted``.
    public var password: String?
    /// The database `SELECT`ed after connecting.
    public var database: Int
    /// Whether to speak TLS (`rediss://`).
    public var useTLS: Bool
    /// A PEM file of certificates to trust for TLS instead of the system's, for a private CA.
    public var tlsCAFile: String?
    /// How long a connection may take to open, handshake included.
    public var connectTimeout: Double = 2
    /// How long a command may wait for its answer before it fails and its connection closes.
    public var commandTimeout: Double = 1
    /// The most connections the pool opens.
    public var poolSize: Int = 8
    /// Bounds on replies.
    public var limits: RESPLimits = .standard

    /// Reads a `REDIS_URL`, saying plainly what is wrong with one it does not take — without
    /// quoting any part of it, as it may hold a password.
    public init(url text: String, tlsCAFile: String? = nil) throws {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased() else {
            throw RedisError.invalidURL("expected redis://[[user]:password@]host[:port][/db]")
        }
        guard scheme == "redis" || scheme == "rediss" else {
            throw RedisError.invalidURL("the scheme must be redis:// or rediss:// (TLS)")
        }
        guard let host = url.host, !host.isEmpty else { throw RedisError.invalidURL("it names no host") }
        let port = url.port ?? 6379
        guard (1...65535).contains(port) else { throw RedisError.invalidURL("port \(port) is out of range") }
        var database = 0
        let path = url.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if !path.isEmpty {
            guard let number = Int(path), number >= 0, number <= Int(Int32.max) else {
                throw RedisError.invalidURL("the path must be a database number from 0 to \(Int32.max), such as /0")
            }
            database = number
        }
        if let items = url.queryItems, !items.isEmpty {
            throw RedisError.invalidURL("query parameters (\(items.map(\.name).joined(separator: ", "))) are not supported")
        }
        // The percent-encoded forms, decoded once: `user`/`password` are decoded already.
        let user = url.percentEncodedUser.flatMap { $0.isEmpty ? nil : $0 }
        let password = url.percentEncodedPassword.flatMap { $0.isEmpty ? nil : $0 }
        if user != nil, password == nil { throw RedisError.invalidURL("a user name needs a password (redis://user:password@host)") }
        let badEscape = RedisError.invalidURL("the user name or password has a '%' that is not followed by two hex digits (write % as %25)")
        // Checked on the text as written: URLComponents quietly re-encodes a stray `%`.
        if let start = text.range(of: "://"), let end = text.range(of: "@", options: .backwards), start.upperBound <= end.lowerBound,
           Self.percentDecoded(String(text[start.upperBound..<end.lowerBound])) == nil {
            throw badEscape
        }
        var decodedUser: String?
        var decodedPassword: String?
        if let user {
            guard let decoded = Self.percentDecoded(user) else { throw badEscape }
            decodedUser = decoded
        }
        if let password {
            guard let decoded = Self.percentDecoded(password) else { throw badEscape }
            decodedPassword = decoded
        }
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.port = port
        self.username = decodedUser
        self.password = decodedPassword
        self.database = database
        self.useTLS = scheme == "rediss"
        self.tlsCAFile = tlsCAFile
    }

    /// `text` percent-decoded, or nil when a `%` is not followed by two hex digits.
    static func percentDecoded(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, bytes[index + 1].isHexDigit, bytes[index + 2].isHexDigit else { return nil }
                index += 3
            } else {
                index += 1
            }
        }
        return text.removingPercentEncoding
    }

    /// The URL without its password, for logs and health.
    public var redacted: String {
        let credentials = password == nil ? "" : "\(username ?? ""):***@"
        let host = self.host.contains(":") ? "[\(self.host)]" : self.host
        return "\(useTLS ? "rediss" : "redis")://\(credentials)\(host):\(port)/\(database)"
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
