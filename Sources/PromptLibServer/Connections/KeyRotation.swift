import PromptLibStorage

/// Re-encrypts every stored secret — connections' credentials and webhooks' signing secrets —
/// under the current `ENCRYPTION_KEY`.
///
/// Safe while servers run: each row is resealed only if its ciphertext is unchanged since it was
/// read, and servers configured with both keys read either form throughout.
struct KeyRotation: Sendable {
    /// A table of secrets, and the context (authenticated data) each row was sealed with.
    struct Table: Sendable {
        let secrets: any SealedSecrets
        let context: @Sendable (String) -> String
    }

    let tables: [Table]
    let cipher: CredentialCipher

    init(connections: any ConnectionRepository, webhooks: any WebhookRepository, cipher: CredentialCipher) {
        tables = [Table(secrets: connections) { $0 }, Table(secrets: webhooks, context: WebhookSecret.context)]
        self.cipher = cipher
    }

    /// Returns how many secrets were re-encrypted.
    func run() async throws -> Int {
        var done = 0
        for table in tables { done += try await run(table) }
        return done
    }

    private func run(_ table: Table) async throws -> Int {
        var done = 0
        var skipped: Set<String> = []
        while true {
            let batch = try await table.secrets.sealed(notWith: cipher.currentKeyID, limit: 100).filter { !skipped.contains($0.id) }
            if batch.isEmpty { return done }
            for record in batch {
                let plaintext = try cipher.open(record.ciphertext, context: table.context(record.id))
                let resealed = try cipher.seal(plaintext, context: table.context(record.id))
                if try await table.secrets.reseal(id: record.id, expected: record.ciphertext, with: resealed, keyID: cipher.currentKeyID) {
                    done += 1
                } else {
                    // Edited meanwhile, so already sealed with the current key by the server that edited it.
                    skipped.insert(record.id)
                }
            }
        }
    }
}
