import Foundation

extension AppConfiguration {
    /// The database location with any password removed, safe for logs.
    public var databaseDescription: String {
        switch database {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let url): "postgresql://\(url.username)@\(url.host):\(url.port)/\(url.database)"
        }
    }

    /// What `promptlib config check` prints: every setting, with secrets shown only as set or unset.
    public func summary() -> [(String, String)] {
        [
            ("APP_ENV", mode.rawValue),
            ("HOST", host), ("PORT", String(port)),
            ("DATABASE", databaseDescription),
            ("DATABASE_READ_URL", databaseReadReplica == nil ? "unset" : "set"),
            ("DATABASE_READ_AFTER_WRITE_SECONDS", databaseReadReplica == nil ? "unused" : String(readAfterWriteSeconds)),
            ("DATABASE_POOL_SIZE", String(databasePoolSize)),
            ("DATABASE_PREPARED_STATEMENTS", String(databasePreparedStatements)),
            ("REDIS_URL", redis?.redacted ?? "unset (in-process)"),
            ("REDIS_TIMEOUT_MS", redis.map { String(Int(($0.commandTimeout * 1000).rounded())) } ?? "unused"),
            ("REDIS_TLS_CA_FILE", redis?.tlsCAFile ?? "unset"),
            ("PROMPT_CACHE_TTL_SECONDS", promptCacheTTLSeconds == 0 ? "0 (cache off)" : "\(promptCacheTTLSeconds)"),
            ("JWT_SECRET", jwtSecret == nil ? "unset (generated in STORAGE_DIR on start)" : "set"),
            ("ENCRYPTION_KEY", encryptionKey == nil ? "unset (generated in STORAGE_DIR on start)" : "set"),
            ("FRONTEND_URL", frontendURL), ("CORS_ORIGIN", corsOrigin),
            ("LOG_LEVEL", logLevel.rawValue),
            ("STORAGE_DIR", storageDirectory), ("LOGS_DIR", logsDirectory ?? "unset (stdout only)"),
            ("MAX_BODY_BYTES", String(maxBodyBytes)),
            ("IMPORT_MAX_BYTES", String(importMaxBytes)), ("IMPORT_MAX_ENTRIES", String(importLimits.maxEntries)),
            ("IMPORT_MAX_UNCOMPRESSED_BYTES", String(importLimits.maxTotalBytes)),
        ]
    }

    /// Outside production, fills in missing secrets from files generated once in `STORAGE_DIR`.
    public mutating func resolveDevelopmentSecrets() throws {
        guard mode != .production else { return }
        try FileManager.default.createDirectory(atPath: storageDirectory, withIntermediateDirectories: true)
        try DevelopmentSecrets.resolve(&self)
    }
}
