import ArgumentParser
import PromptLibServer

/// `promptlib config …`
struct Config: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Inspect the configuration.", subcommands: [Check.self]
    )

    /// `promptlib config check`: validate the environment without starting anything.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate the environment; exit non-zero when it is wrong.")

        func run() async throws {
            // Exits 78 with the problem on standard error when the environment is invalid.
            let configuration = Startup.configuration()
            print("configuration is valid")
            for (name, value) in configuration.summary() {
                print("  \(name): \(value)")
            }
        }
    }
}
