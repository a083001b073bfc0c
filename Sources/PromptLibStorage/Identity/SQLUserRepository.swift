import Foundation
import PromptLibCore
import SQLKit

/// ``UserRepository`` on any ``SQLStore``. Usernames and emails are stored lowercased.
public struct SQLUserRepository: UserRepository {
    let store: any SQLStore

    /// Creates a repository on `store`.
    public init(store: any SQLStore) {
        self.store = store
    }

    static let columns = """
        id, username, email, password_hash, role, status, failed_logins, failed_window_started_at,
        locked_until, created_at, updated_at, last_login_at
        """

    public func create(_ user: UserRecord) async throws {
        try await store.withDatabase { db in
            try await db.raw("""
                INSERT INTO users (\(unsafeRaw: Self.columns)) VALUES (
                \(bind: user.id), \(bind: user.username.lowercased()), \(bind: user.email.lowercased()), \(bind: user.passwordHash),
                \(bind: user.role.rawValue), \(bind: user.status.rawValue), \(bind: user.failedLogins), \(bind: user.failedWindowStartedAt),
                \(bind: user.lockedUntil), \(bind: user.createdAt), \(bind: user.updatedAt), \(bind: user.lastLoginAt))
                """).run()
        }
    }

    public func update(_ user: UserRecord) async throws -> Bool {
        try await store.withDatabase { db in try await Self.write(user, on: db) }
    }

    public func update(_ user: UserRecord, keepingAnActiveAdmin: Bool) async throws -> UserWrite {
        try await guarded(excluding: user.id, keepingAnActiveAdmin) { db in try await Self.write(user, on: db) }
    }

    public func delete(id: String) async throws -> Bool {
        try await delete(id: id, keepingAnActiveAdmin: false) == .done
    }

    public func delete(id: String, keepingAnActiveAdmin: Bool) async throws -> UserWrite {
        try await guarded(excluding: id, keepingAnActiveAdmin) { db in
            try await db.raw("DELETE FROM users WHERE id = \(bind: id) RETURNING id").first() != nil
        }
    }

    /// Runs `write` in a transaction that first makes sure another active admin remains. On
    /// PostgreSQL the active admins' rows are locked (`FOR UPDATE`), so two admins demoting each
    /// other at once are serialised and the second sees the first's change; SQLite's write
    /// transactions are serialised already.
    private func guarded(excluding id: String, _ keepingAnActiveAdmin: Bool,
                         _ write: @escaping @Sendable (any SQLDatabase) async throws -> Bool) async throws -> UserWrite {
        let lock = store.engine == .postgres ? " ORDER BY id FOR UPDATE" : ""
        return try await store.transaction { db in
            if keepingAnActiveAdmin {
                // The account changed is locked with the admins, in one statement and one order,
                // so concurrent changes queue instead of deadlocking.
                let rows = try await db.raw("""
                    SELECT id, role, status FROM users WHERE (role = 'admin' AND status = 'active') OR id = \(bind: id)\(unsafeRaw: lock)
                    """).all()
                let others = try rows.filter {
                    try $0.decode(column: "id", as: String.self) != id && $0.decode(column: "role", as: String.self) == "admin"
                        && $0.decode(column: "status", as: String.self) == "active"
                }
                if others.isEmpty { return .lastActiveAdmin }
            }
            return try await write(db) ? .done : .notFound
        }
    }

    private static func write(_ user: UserRecord, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw("""
            UPDATE users SET username = \(bind: user.username.lowercased()), email = \(bind: user.email.lowercased()),
                password_hash = \(bind: user.passwordHash), role = \(bind: user.role.rawValue), status = \(bind: user.status.rawValue),
                failed_logins = \(bind: user.failedLogins), failed_window_started_at = \(bind: user.failedWindowStartedAt),
                locked_until = \(bind: user.lockedUntil), updated_at = \(bind: user.updatedAt), last_login_at = \(bind: user.lastLoginAt)
            WHERE id = \(bind: user.id) RETURNING id
            """).first() != nil
    }

    public func find(id: String) async throws -> UserRecord? {
        try await store.readCurrent { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM users WHERE id = \(bind: id)").first().map(Self.record)
        }
    }

    public func find(login: String) async throws -> UserRecord? {
        let login = login.lowercased()
        return try await store.readCurrent { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.columns) FROM users WHERE username = \(bind: login) OR email = \(bind: login)
                """).first().map(Self.record)
        }
    }

    public func list(limit: Int, cursor: String?) async throws -> Page<UserRecord> {
        let after = try cursor.map(Cursor.decode) ?? ""
        let rows = try await store.withDatabase { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.columns) FROM users WHERE username > \(bind: after)
                ORDER BY username LIMIT \(bind: limit + 1)
                """).all().map(Self.record)
        }
        let page = Array(rows.prefix(limit))
        return Page(items: page, nextCursor: rows.count > limit ? page.last.map { Cursor.encode($0.username) } : nil)
    }

    public func count() async throws -> Int {
        try await store.withDatabase { db in
            try await db.raw("SELECT COUNT(*) AS n FROM users").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    public func countLoginAttempt(id: String, now: Date, windowStart: Date) async throws -> Int {
        try await store.withDatabase { db in
            // One statement, so concurrent guesses cannot both read the same count.
            try await db.raw("""
                UPDATE users SET
                    failed_logins = CASE WHEN failed_window_started_at > \(bind: windowStart) THEN failed_logins + 1 ELSE 1 END,
                    failed_window_started_at = CASE WHEN failed_window_started_at > \(bind: windowStart)
                        THEN failed_window_started_at ELSE \(bind: now) END
                WHERE id = \(bind: id) RETURNING failed_logins
                """).first()?.decode(column: "failed_logins", as: Int.self) ?? 0
        }
    }

    public func lockLogin(id: String, until: Date, now: Date) async throws -> Bool {
        try await store.withDatabase { db in
            try await db.raw("""
                UPDATE users SET locked_until = \(bind: until)
                WHERE id = \(bind: id) AND (locked_until IS NULL OR locked_until <= \(bind: now)) RETURNING id
                """).first() != nil
        }
    }

    public func recordLogin(id: String, now: Date) async throws {
        try await store.withDatabase { db in
            try await db.raw("""
                UPDATE users SET failed_logins = 0, failed_window_started_at = NULL, locked_until = NULL, last_login_at = \(bind: now)
                WHERE id = \(bind: id)
                """).run()
        }
    }

    static func record(_ row: any SQLRow) throws -> UserRecord {
        var user = UserRecord(
            id: try row.decode(column: "id", as: String.self),
            username: try row.decode(column: "username", as: String.self),
            email: try row.decode(column: "email", as: String.self),
            passwordHash: try row.decode(column: "password_hash", as: String.self),
            role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .viewer,
            now: try row.decode(column: "created_at", as: Date.self)
        )
        user.status = UserStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .disabled
        user.failedLogins = try row.decode(column: "failed_logins", as: Int.self)
        user.failedWindowStartedAt = try row.decode(column: "failed_window_started_at", as: Date?.self)
        user.lockedUntil = try row.decode(column: "locked_until", as: Date?.self)
        user.updatedAt = try row.decode(column: "updated_at", as: Date.self)
        user.lastLoginAt = try row.decode(column: "last_login_at", as: Date?.self)
        return user
    }
}
