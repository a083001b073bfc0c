import Crypto
import Foundation
import PromptLibCore

/// A webhook's signing secret: `whsec_` and 32 random bytes in hex, shown once when made (or
/// rotated) and sealed at rest with `ENCRYPTION_KEY`.
enum WebhookSecret {
    static func make() -> String {
        "whsec_" + Hex.encode(RandomBytes.make(32))
    }

    /// The authenticated data a webhook's secret is sealed with: its id, marked as a webhook's so
    /// that no other sealed value can be passed off as it.
    @Sendable static func context(_ id: String) -> String { "webhook:" + id }
}

/// The `PromptLib-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
/// The timestamp inside the signed text lets receivers refuse replays of old deliveries.
enum WebhookSignature {
    static let header = "PromptLib-Signature"

    static func sign(body: Data, secret: String, timestamp: Int) -> String {
        var signed = Data("\(timestamp).".utf8)
        signed.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: Data(secret.utf8)))
        return "t=\(timestamp),v1=" + Hex.encode(mac)
    }
}
