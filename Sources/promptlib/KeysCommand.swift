import ArgumentParser
import Foundation
import PromptLibServer

/// `promptlib keys rotate`: re-encrypt stored credentials under the current ENCRYPTION_KEY.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Manage the encryption of stored credentials.", subcommands: [Rotate.self]
    )

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-encrypt every credential under ENCRYPTION_KEY; the old key goes in ENCRYPTION_KEY_PREVIOUS until this has run."
        )

        func run() async throws {
            try await UserCommand.run { services in
                let count = try await services.rotateKeys()
                print("re-encrypted \(count) credential(s) under the current key")
            }
        }
    }
}
