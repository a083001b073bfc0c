import ArgumentParser
import PromptLibServer

/// The `promptlib` command line.
@main
struct PromptLibCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promptlib",
        abstract: "PromptLib: a self-hosted prompt library server.",
        discussion: """
            Configuration comes from the environment (README, "Configuration"):
              STORAGE_DIR     SQLite database, secrets and logs (default ./data)
              DATABASE_URL    postgresql://user:password@host:5432/name instead
              PORT, HOST      where serve listens (default 0.0.0.0:8000)
              ADMIN_PASSWORD  the first admin's password on a new instance
            Admin commands (user, keys, export) say which database they use and
            refuse to create one; serve, migrate and import create it.
            """,
        version: PromptLibVersion.current,
        subcommands: [Serve.self, Migrate.self, UserCommand.self, KeysCommand.self, ExportCommand.self, ImportCommand.self, HealthCheck.self, Config.self],
        defaultSubcommand: nil
    )
}
