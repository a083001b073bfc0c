import Crypto
import Foundation
import PromptLibCore

/// AES-256-GCM for credentials at rest. Each ciphertext names the key that sealed it
/// (`v1:<key id>:<base64 nonce‖ciphertext‖tag>`), so that old and new keys can be held at once
/// while `promptlib keys rotate` re-encrypts everything under the new one.
struct CredentialCipher: Sendable {
    /// The key new ciphertexts are sealed with.
    let currentKeyID: String
    private let keys: [String: SymmetricKey]

    /// `current` seals; `previous` keys only open what they sealed before.
    init(current: Data, previous: [Data] = []) {
        let currentKey = SymmetricKey(data: current)
        currentKeyID = Self.keyID(currentKey)
        var keys = [currentKeyID: currentKey]
        for data in previous {
            let key = SymmetricKey(data: data)
            keys[Self.keyID(key)] = keys[Self.keyID(key)] ?? key
        }
        self.keys = keys
    }

    /// A short public name for a key: 8 hex characters of a domain-separated SHA-256.
    static func keyID(_ key: SymmetricKey) -> String {
        var hasher = SHA256()
        hasher.update(data: Data("promptlib key id v1".utf8))
        key.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return Hex.encode(hasher.finalize().prefix(4))
    }

    /// Seals `plaintext`, bound to `context` (the row's id) so a ciphertext cannot be moved to another row.
    func seal(_ plaintext: Data, context: String) throws -> String {
        let box = try AES.GCM.seal(plaintext, using: keys[currentKeyID]!, authenticating: Data(context.utf8))
        guard let combined = box.combined else { throw CipherError.malformed }
        return "v1:\(currentKeyID):\(combined.base64EncodedString())"
    }

    /// Opens a ciphertext made by ``seal(_:context:)`` with any key this cipher holds.
    func open(_ ciphertext: String, context: String) throws -> Data {
        let parts = ciphertext.split(separator: ":", maxSplits: 2).map(String.init)
        guard parts.count == 3, parts[0] == "v1", let data = Data(base64Encoded: parts[2]) else { throw CipherError.malformed }
        guard let key = keys[parts[1]] else { throw CipherError.unknownKey(parts[1]) }
        do {
            return try AES.GCM.open(AES.GCM.SealedBox(combined: data), using: key, authenticating: Data(context.utf8))
        } catch {
            throw CipherError.tampered
        }
    }

    /// The id of the key `ciphertext` was sealed with.
    static func keyID(of ciphertext: String) -> String? {
        let parts = ciphertext.split(separator: ":", maxSplits: 2)
        return parts.count == 3 ? String(parts[1]) : nil
    }

    enum CipherError: Error, CustomStringConvertible {
        case malformed
        case unknownKey(String)
        case tampered

        var description: String {
            switch self {
            case .malformed: "the ciphertext is malformed"
            case .unknownKey(let id): "the ciphertext was sealed with key \(id), which is not configured (set ENCRYPTION_KEY_PREVIOUS)"
            case .tampered: "the ciphertext does not authenticate: wrong key or altered data"
            }
        }
    }
}
