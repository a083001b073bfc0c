import Foundation
import JWTKit

/// The claims of an access token: `sub`, `role`, `typ: "access"`, `jti`, `iat`, `exp`, and `sid`,
/// the login session, so that logging out ends the token at once.
struct AccessTokenClaims: JWTPayload {
    let sub: SubjectClaim
    let role: String
    let typ: String
    let jti: IDClaim
    let iat: IssuedAtClaim
    let exp: ExpirationClaim
    let sid: String

    /// Thrown for a well-signed token whose `exp` has passed.
    struct Expired: Error {}
    /// Thrown for a well-signed token that is not an access token.
    struct WrongType: Error {}

    func verify(using algorithm: some JWTAlgorithm) async throws {
        guard typ == "access" else { throw WrongType() }
        guard exp.value > Date() else { throw Expired() }
    }
}
