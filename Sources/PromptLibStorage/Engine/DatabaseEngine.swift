/// The SQL engines PromptLib runs on.
public enum DatabaseEngine: String, Sendable {
    /// Embedded SQLite, the default.
    case sqlite
    /// PostgreSQL, for replicated deployments.
    case postgres
}
