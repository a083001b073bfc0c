/// What a prepared read found.
public enum PreparedAnswer: Sendable {
    /// The statement's first row.
    case row(PreparedRow)
    /// The statement selected no row.
    case noRow
    /// No prepared read was made (an in-memory database, every connection in use, or the file busy):
    /// the caller reads as it would without one.
    case unavailable
}
