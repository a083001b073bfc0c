import PostgresNIO

/// A PostgreSQL store that runs statements PostgresNIO prepares once per connection
/// (``PostgresPreparedStatement``): PostgreSQL then parses and plans them once, not on every call.
/// Internal, so that PostgresNIO's types stay out of the storage module's public API.
protocol PreparingStore: SQLStore {
    /// Runs `body` on a connection where ``SQLStore/read(_:)`` reads. Nil when this store does not
    /// prepare statements now (`DATABASE_PREPARED_STATEMENTS=false`, or the server refused one):
    /// the caller reads with a plain query.
    func readPrepared<R: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> R) async throws -> R?
}
