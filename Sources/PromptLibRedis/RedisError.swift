/// What can go wrong talking to Redis. Messages never hold a command's arguments or a password.
public enum RedisError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server refused a command: `code` is the first word of its error reply (`ERR`,
    /// `WRONGTYPE`, `NOAUTH`, `WRONGPASS`, `NOPERM` …), `message` the rest.
    case server(code: String, message: String)
    /// The server sent bytes that are not RESP2, or a reply over a bound of ``RESPLimits``.
    case protocolViolation(String)
    /// No answer within the command timeout; the connection was closed, as its later replies would be out of step.
    case timeout(command: String, seconds: Double)
    /// The connection closed before the answer came.
    case connectionClosed
    /// No connection could be made (or none is free within the wait): the server is unreachable or refusing.
    case unavailable(String)
    /// `REDIS_URL` is not a Redis URL this client takes.
    case invalidURL(String)

    /// A reply's error text split into its code and message.
    init(reply: String) {
        let parts = reply.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        let code = parts.first.map(String.init) ?? "ERR"
        if code.allSatisfy({ $0.isUppercase || $0 == "_" }), !code.isEmpty {
            self = .server(code: code, message: parts.count > 1 ? String(parts[1]) : "")
        } else {
            self = .server(code: "ERR", message: reply)
        }
    }

    public var description: String {
        switch self {
        case .server(let code, let message): "Redis refused the command: \(code) \(message)"
        case .protocolViolation(let detail): "Redis sent a reply that is not RESP2: \(detail)"
        case .timeout(let command, let seconds): "Redis did not answer \(command) within \(seconds) s"
        case .connectionClosed: "the connection to Redis closed before the answer came"
        case .unavailable(let reason): "Redis is unavailable: \(reason)"
        case .invalidURL(let reason): "REDIS_URL is not valid: \(reason)"
        }
    }
}
