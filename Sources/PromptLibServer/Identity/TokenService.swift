import Crypto
import Foundation
import JWTKit
import PromptLibCore

/// Signs and checks access tokens (HS256 JWT) and makes refresh tokens (opaque, stored as SHA-256).
struct TokenService: Sendable {
    let keys: JWTKeyCollection
    let accessTTL: Duration
    let refreshTTL: Duration

    init(secret: String, accessTTL: Duration, refreshTTL: Duration) async {
        keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        self.accessTTL = accessTTL
        self.refreshTTL = refreshTTL
    }

    var accessSeconds: Int { Int(accessTTL.components.seconds) }

    func accessToken(userID: String, role: Role, sessionID: String, now: Date = Date()) async throws -> String {
        let claims = AccessTokenClaims(
            sub: .init(value: userID), role: role.rawValue, typ: "access", jti: .init(value: UUID().uuidString.lowercased()),
            iat: .init(value: now), exp: .init(value: now.addingTimeInterval(TimeInterval(accessSeconds))), sid: sessionID
        )
        return try await keys.sign(claims)
    }

    /// The verified claims, or `401 TOKEN_EXPIRED` / `401 TOKEN_INVALID`.
    func verifyAccessToken(_ token: String) async throws -> AccessTokenClaims {
        do {
            return try await keys.verify(token, as: AccessTokenClaims.self)
        } catch is AccessTokenClaims.Expired {
            throw APIError(.unauthorized, .tokenExpired, "The access token has expired; refresh it")
        } catch {
            // Bad signature, alg "none", wrong type, malformed: all the same to the client.
            throw APIError(.unauthorized, .tokenInvalid, "The access token is not valid")
        }
    }

    /// A new refresh token and the hash to store for it.
    func newRefreshToken() -> (token: String, hash: String) {
        Self.newSecret(prefix: "plr_")
    }

    /// A bearer secret — `prefix` and 32 random bytes in base64url — and the hash to store for it:
    /// refresh tokens, API keys and share links are all made here.
    static func newSecret(prefix: String) -> (token: String, hash: String) {
        let token = prefix + Base64URL.encode(Data(RandomBytes.make(32)))
        return (token, hash(token))
    }

    /// SHA-256 in hex: refresh tokens are long random values, so a fast hash is enough.
    static func hash(_ token: String) -> String {
        Hex.encode(SHA256.hash(data: Data(token.utf8)))
    }
}
