import PromptLibStorage

/// Re-encrypts every stored credential under the current `ENCRYPTION_KEY`.
///
/// Safe while servers run: each row is resealed only if its ciphertext is unchanged since it was
/// read, and servers configured with both keys read either form throughout.
struct KeyRotation: Sendable {
    let connections: any ConnectionRepository
    let cipher: CredentialCipher

    /// Returns how many credentials were re-encrypted.
    func run() async throws -> Int {
        var done = 0
        var skipped: Set<String> = []
        while true {
            let batch = try await connections.sealed(notWith: cipher.currentKeyID, limit: 100).filter { !skipped.contains($0.id) }
            if batch.isEmpty { return done }
            for record in batch {
                let plaintext = try cipher.open(record.credentials, context: record.id)
                let resealed = try cipher.seal(plaintext, context: record.id)
                if try await connections.reseal(id: record.id, expected: record.credentials, with: resealed, keyID: cipher.currentKeyID) {
                    done += 1
                } else {
                    // Edited meanwhile, so already sealed with the current key by the server that edited it.
                    skipped.insert(record.id)
                }
            }
        }
    }
}
