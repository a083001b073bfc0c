import Foundation

/// One row read by ``SQLiteStore/preparedRow(_:binds:)``: its columns' values in the order the
/// statement selects them, read by position. ``Value`` is also what such a statement binds.
public struct PreparedRow: Sendable {
    /// A column's value as SQLite stores it.
    public enum Value: Sendable, Equatable {
        case text(String)
        case integer(Int64)
        case real(Double)
        case null
    }

    /// The values, one a column.
    public let values: [Value]

    /// The text at `column`; an error when it is not text.
    func string(_ column: Int) throws -> String {
        guard case .text(let text) = values[column] else { throw Self.unexpected(column, "text") }
        return text
    }

    /// The text at `column`, or nil for NULL.
    func optionalString(_ column: Int) throws -> String? {
        if case .null = values[column] { return nil }
        return try string(column)
    }

    /// The date at `column`, stored as seconds since 1970, rounded to the microsecond as SQLiteNIO
    /// rounds what it reads: the same row read either way gives equal dates.
    func date(_ column: Int) throws -> Date {
        let seconds: Double
        switch values[column] {
        case .real(let real): seconds = real
        case .integer(let integer): seconds = Double(integer)
        default: throw Self.unexpected(column, "a date")
        }
        let sinceReference = seconds - Date.timeIntervalBetween1970AndReferenceDate
        return Date(timeIntervalSinceReferenceDate: (sinceReference * 1e6).rounded() / 1e6)
    }

    /// The date at `column`, or nil for NULL.
    func optionalDate(_ column: Int) throws -> Date? {
        if case .null = values[column] { return nil }
        return try date(column)
    }

    private static func unexpected(_ column: Int, _ expected: String) -> StorageError {
        .queryFailed("column \(column) of a prepared read is not \(expected)")
    }
}
