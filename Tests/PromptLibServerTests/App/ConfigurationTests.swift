import Foundation
@testable import PromptLibServer
import PromptLibStorage
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    static let strongSecret = "k3J9x!Qz7Lw2Vb8Nc4Rt6Ym1Pa5Sd0Fg"
    static let strongKey = "00112233445566778899aabbccddeeff0f1e2d3c4b5a69788796a5b4c3d2e1f0"

    @Test("defaults: development on SQLite in ./data, port 8000")
    func defaults() throws {
        let configuration = try AppConfiguration(environment: [:])
        #expect(configuration.mode == .development)
        #expect(configuration.port == 8000)
        #expect(configuration.host == "0.0.0.0")
        #expect(configuration.database == .sqlite(path: "./data/promptlib.sqlite"))
        #expect(configuration.logLevel == .info)
        #expect(configuration.databasePreparedStatements)
        #expect(try !AppConfiguration(environment: ["DATABASE_PREPARED_STATEMENTS": "False"]).databasePreparedStatements)
    }

    @Test("DATABASE_URL selects PostgreSQL")
    func postgres() throws {
        let configuration = try AppConfiguration(environment: ["DATABASE_URL": "postgresql://app:p%40ss@db:6543/prompts?sslmode=require"])
        guard case .postgres(let url) = configuration.database else { Issue.record("not postgres"); return }
        #expect(url.host == "db" && url.port == 6543 && url.database == "prompts")
        #expect(url.username == "app" && url.password == "p@ss" && url.tls == .require)
        #expect(!configuration.databaseDescription.contains("p@ss"))
    }

    @Test("invalid values name the variable and never echo a secret", arguments: [
        (["PORT": "eighty"], "PORT"), (["PORT": "70000"], "PORT"),
        (["DATABASE_URL": "mysql://u:hunter2@h/db"], "DATABASE_URL"), (["DATABASE_URL": "postgresql://:hunter2@/db"], "DATABASE_URL"),
        (["REDIS_URL": "http://hunter2"], "REDIS_URL"), (["JWT_SECRET": "   "], "JWT_SECRET"),
        (["JWT_SECRET_FILE": "/nonexistent/jwt"], "JWT_SECRET_FILE"), (["APP_ENV": "staging"], "APP_ENV"),
        (["LOG_LEVEL": "loud"], "LOG_LEVEL"), (["ENCRYPTION_KEY": "hunter2"], "ENCRYPTION_KEY"),
        (["JWT_SECRET": "a", "JWT_SECRET_FILE": "/tmp/x"], "JWT_SECRET"),
        (["APP_ENV": "production"], "JWT_SECRET"),
        (["APP_ENV": "production", "JWT_SECRET": "changeme-changeme-changeme-changeme"], "JWT_SECRET"),
        (["APP_ENV": "production", "JWT_SECRET": strongSecret], "ENCRYPTION_KEY"),
        (["JWT_SECRET": "hunter2-is-31-bytes-long-......"], "JWT_SECRET"),
        (["ADMIN_PASSWORD": "password1234"], "ADMIN_PASSWORD"), (["ADMIN_PASSWORD": "hunter2"], "ADMIN_PASSWORD"),
        (["HOST": "999.1.1.1"], "HOST"), (["HOST": "bad host"], "HOST"), (["STORAGE_DIR": "/etc/passwd"], "STORAGE_DIR"),
        (["LOGS_DIR": "/etc/passwd"], "LOGS_DIR"), (["TRUSTED_PROXIES": "10.0.0.1, not-an-ip"], "TRUSTED_PROXIES"),
        (["TRUSTED_PROXIES": "10.0.0.0/8"], "TRUSTED_PROXIES"), (["REDIS_URL": "redis://:hunter2@h:99999/0"], "REDIS_URL"),
        (["REDIS_URL": "redis://h:6379/hunter2"], "REDIS_URL"), (["REDIS_URL": "redis://hunter2@h"], "REDIS_URL"),
        (["REDIS_TLS_CA_FILE": "/etc/hostname"], "REDIS_TLS_CA_FILE"), (["PROMPT_CACHE_TTL_SECONDS": "forever"], "PROMPT_CACHE_TTL_SECONDS"),
        (["PROMPT_CACHE_TTL_SECONDS": "3601"], "PROMPT_CACHE_TTL_SECONDS"),
        (["REDIS_URL": "redis://:hunter2@h", "REDIS_TIMEOUT_MS": "0"], "REDIS_TIMEOUT_MS"),
        (["REDIS_URL": "rediss://:hunter2@h", "REDIS_TLS_CA_FILE": "/nonexistent/ca.pem"], "REDIS_TLS_CA_FILE"),
        (["CORS_ORIGIN": "*"], "CORS_ORIGIN"), (["CORS_ORIGIN": "https://ui.example.com/app"], "CORS_ORIGIN"),
        (["FRONTEND_URL": "javascript:alert(1)"], "FRONTEND_URL"), (["ENCRYPTION_KEY_PREVIOUS": ","], "ENCRYPTION_KEY_PREVIOUS"),
        (["APP_ENV": "production", "JWT_SECRET": "0123456789abcdef0123456789abcdef"], "JWT_SECRET"),
        (["APP_ENV": "production", "JWT_SECRET": "super-secret-jwt-key-for-development"], "JWT_SECRET"),
        (["CORS_ORIGIN": "http://u:hunter2@a.com"], "CORS_ORIGIN"), (["CORS_ORIGIN": "http://a.com/"], "CORS_ORIGIN"),
        (["DATABASE_PREPARED_STATEMENTS": "maybe"], "DATABASE_PREPARED_STATEMENTS"),
    ])
    func rejects(environment: [String: String], variable: String) {
        #expect {
            try AppConfiguration(environment: environment)
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            let line = error.description
            return error.variable == variable && !line.contains("hunter2") && !line.contains("changeme") && !line.contains("\n")
        }
    }

    @Test("secrets can come from NAME_FILE, trimmed")
    func secretFiles() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("secret-\(UUID())").path
        _ = FileManager.default.createFile(atPath: path, contents: Data("\(Self.strongSecret)\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = try AppConfiguration(environment: [
            "APP_ENV": "production", "JWT_SECRET_FILE": path, "ENCRYPTION_KEY": Self.strongKey,
        ])
        #expect(configuration.jwtSecret == Self.strongSecret)
        #expect(configuration.encryptionKey?.count == 32)
    }

    @Test("development secrets are generated once, private, and reused")
    func generatedSecrets() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("secrets-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var first = try AppConfiguration(environment: ["STORAGE_DIR": directory])
        try first.resolveDevelopmentSecrets()
        var second = try AppConfiguration(environment: ["STORAGE_DIR": directory])
        try second.resolveDevelopmentSecrets()
        #expect(first.jwtSecret?.count == 64)
        #expect(first.jwtSecret == second.jwtSecret)
        #expect(first.encryptionKey?.count == 32 && first.encryptionKey == second.encryptionKey)
        let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/.jwt_secret")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test("a damaged generated secret stops start-up naming the file; it is never replaced")
    func damagedSecret() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("secrets-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data("not-hex".utf8).write(to: URL(fileURLWithPath: directory + "/.encryption_key"))
        var configuration = try AppConfiguration(environment: ["STORAGE_DIR": directory])
        #expect(throws: ConfigurationError.self) { try configuration.resolveDevelopmentSecrets() }
        #expect(FileManager.default.contents(atPath: directory + "/.encryption_key") == Data("not-hex".utf8))
    }
}
