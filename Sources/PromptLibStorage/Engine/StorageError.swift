/// Failures of the storage layer, in terms the service layer can map to API errors.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database cannot be reached or did not answer in time.
    case unavailable(String)
    /// A uniqueness rule was broken, for example a second prompt with the same name.
    case conflict(String)
    /// The database rejected a query for another reason. The text is for logs only.
    case queryFailed(String)
    /// Concurrent transactions got in each other's way (a deadlock, a serialization failure) and
    /// retrying did not help: the request may simply be repeated.
    case contention(String)

    /// How an ``unavailable(_:)`` reason starts when the server refused for good (no such database,
    /// wrong password): retrying is pointless, and the reason is PostgreSQL's own.
    public static let refusalPrefix = "PostgreSQL refused the connection: "

    /// How an ``unavailable(_:)`` reason starts when the database did not answer in time.
    public static let timeoutPrefix = "no answer within "

    /// Whether the database did not answer in time (it may be slow rather than gone).
    public var isTimeout: Bool {
        if case .unavailable(let reason) = self { return reason.hasPrefix(Self.timeoutPrefix) }
        return false
    }

    /// Whether this is a refusal that waiting will not cure.
    public var isPermanentRefusal: Bool {
        if case .unavailable(let reason) = self { return reason.hasPrefix(Self.refusalPrefix) }
        return false
    }

    public var description: String {
        switch self {
        case .unavailable(let reason): "database unavailable: \(reason)"
        case .conflict(let reason): "conflict: \(reason)"
        case .queryFailed(let reason): "query failed: \(reason)"
        case .contention(let reason): "contention: \(reason)"
        }
    }
}
