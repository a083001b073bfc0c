/// A secret sealed with `ENCRYPTION_KEY`, as key rotation sees it.
public struct SealedSecret: Sendable, Equatable {
    public let id: String
    public let ciphertext: String

    public init(id: String, ciphertext: String) {
        self.id = id
        self.ciphertext = ciphertext
    }
}

/// A table of sealed secrets that `promptlib keys rotate` re-encrypts: connections' credentials
/// and webhooks' signing secrets.
public protocol SealedSecrets: Sendable {
    /// Rows sealed with a key other than `keyID`.
    func sealed(notWith keyID: String, limit: Int) async throws -> [SealedSecret]
    /// Replaces a row's ciphertext if it is still `expected`; false when it changed meanwhile.
    func reseal(id: String, expected: String, with ciphertext: String, keyID: String) async throws -> Bool
}
