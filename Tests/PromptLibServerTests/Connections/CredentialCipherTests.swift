import Foundation
@testable import PromptLibServer
import Testing

@Suite("Credential cipher")
struct CredentialCipherTests {
    let cipher = CredentialCipher(current: Data(repeating: 7, count: 32))

    @Test("AES-GCM round trip with a fresh nonce each time")
    func roundTrip() throws {
        let first = try cipher.seal(Data("secret".utf8), context: "row-1")
        let second = try cipher.seal(Data("secret".utf8), context: "row-1")
        #expect(first != second)
        #expect(try cipher.open(first, context: "row-1") == Data("secret".utf8))
        #expect(CredentialCipher.keyID(of: first) == cipher.currentKeyID)
    }

    @Test("an altered ciphertext, another row's context, or an unknown key does not open")
    func tampering() throws {
        let sealed = try cipher.seal(Data("secret".utf8), context: "row-1")
        var bytes = Data(base64Encoded: String(sealed.split(separator: ":")[2]))!
        bytes[bytes.count - 1] ^= 0x01
        let altered = "v1:\(cipher.currentKeyID):\(bytes.base64EncodedString())"
        #expect(throws: CredentialCipher.CipherError.self) { try cipher.open(altered, context: "row-1") }
        #expect(throws: CredentialCipher.CipherError.self) { try cipher.open(sealed, context: "row-2") }
        let other = CredentialCipher(current: Data(repeating: 9, count: 32))
        #expect(throws: CredentialCipher.CipherError.self) { try other.open(sealed, context: "row-1") }
    }
}
