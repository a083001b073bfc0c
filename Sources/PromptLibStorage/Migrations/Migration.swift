/// One step of the schema's history. Applied once, in order, inside a transaction.
public struct Migration: Sendable {
    /// Position in the history; never reused or renumbered.
    public let version: Int
    /// Short description, recorded with the version.
    public let name: String
    /// The statements for `engine`. Engines differ only in column types, never in meaning.
    public let statements: @Sendable (DatabaseEngine) -> [String]

    /// Creates a migration.
    public init(version: Int, name: String, statements: @escaping @Sendable (DatabaseEngine) -> [String]) {
        self.version = version
        self.name = name
        self.statements = statements
    }
}

extension DatabaseEngine {
    /// Column type for instants: a real timestamp in PostgreSQL, seconds since 1970 in SQLite.
    var timestampType: String { self == .postgres ? "TIMESTAMPTZ" : "REAL" }
    /// Column type for names that are ordered and compared byte-wise on both engines, so that
    /// cursors and sort order do not depend on the server's locale.
    var nameType: String { self == .postgres ? "TEXT COLLATE \"C\"" : "TEXT" }
    /// A true/false column; SQLite keeps 0 and 1.
    var booleanType: String { self == .postgres ? "BOOLEAN" : "INTEGER" }
    /// An auto-incrementing 64-bit primary key, for append-only tables paged by id.
    var serialKey: String { self == .postgres ? "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT" }
}
