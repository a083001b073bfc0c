import Foundation
import PromptLibCore

/// Secrets generated once for development and kept in `STORAGE_DIR`, so a fresh machine needs no setup
/// and tokens survive restarts. Production refuses to start without real ones (see ``AppConfiguration``).
enum DevelopmentSecrets {
    /// Fills in `jwtSecret` and `encryptionKey` from files in the storage directory, creating them when missing.
    static func resolve(_ configuration: inout AppConfiguration) throws {
        let directory = configuration.storageDirectory
        if configuration.jwtSecret == nil {
            configuration.jwtSecret = try loadOrCreate(file: ".jwt_secret", in: directory)
        }
        if configuration.encryptionKey == nil {
            let hex = try loadOrCreate(file: ".encryption_key", in: directory)
            configuration.encryptionKey = Hex.decode(hex)
        }
    }

    static func loadOrCreate(file: String, in directory: String) throws -> String {
        let path = (directory as NSString).appendingPathComponent(file)
        if let data = FileManager.default.contents(atPath: path) {
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            // A damaged file is never replaced: a new key would make everything sealed with the
            // old one unreadable. The operator decides.
            guard text.count == 64, Hex.decode(text) != nil else {
                throw ConfigurationError(variable: "STORAGE_DIR", message: "holds a damaged \(file) (expected 64 hex characters); restore it, or remove it to generate a new one")
            }
            return text
        }
        let hex = Hex.encode(RandomBytes.make(32))
        // Created with 0600 from the start, so the secret is never readable by others even briefly.
        guard FileManager.default.createFile(atPath: path, contents: Data(hex.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw ConfigurationError(variable: "STORAGE_DIR", message: "is not writable: cannot create \(path)")
        }
        return hex
    }
}
