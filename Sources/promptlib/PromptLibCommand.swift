import ArgumentParser
import PromptLibServer

/// The `promptlib` command line.
@main
struct PromptLibCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promptlib",
        abstract: "PromptLib: a self-hosted prompt library server.",
        version: PromptLibVersion.current,
        subcommands: [Serve.self, Migrate.self, UserCommand.self, KeysCommand.self, ExportCommand.self, ImportCommand.self, HealthCheck.self, Config.self],
        defaultSubcommand: nil
    )
}
