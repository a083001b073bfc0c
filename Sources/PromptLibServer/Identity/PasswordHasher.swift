import HummingbirdBcrypt
import NIOConcurrencyHelpers
import NIOPosix

/// bcrypt hashing off the event loops: each hash takes a noticeable fraction of a second by design.
struct PasswordHasher: Sendable {
    let cost: Int
    /// Compared against when a login names no account, so that the answer takes as long as for a
    /// real one and does not reveal which usernames exist. Made on first use, at the same cost.
    private let decoy = NIOLockedValueBox<String?>(nil)

    /// The longest password bcrypt reads whole; longer ones are refused when set.
    static let maximumBytes = 72

    init(cost: Int) {
        self.cost = cost
    }

    func hash(_ password: String) async throws -> String {
        let cost = UInt8(cost)
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, against hash: String?) async throws -> Bool {
        let target: String
        if let hash {
            target = hash
        } else if let existing = decoy.withLockedValue({ $0 }) {
            target = existing
        } else {
            target = try await self.hash("decoy password for unknown accounts")
            decoy.withLockedValue { $0 = target }
        }
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: target) }
        // bcrypt reads only the first 72 bytes: a longer password would match on its prefix alone.
        // None is ever set that long, so a longer one is always wrong (checked after the hash, so
        // the answer takes as long either way).
        return matches && hash != nil && password.utf8.count <= Self.maximumBytes
    }
}
