import ArgumentParser
import Foundation
import PromptLibServer

/// `promptlib user …`: account administration from the shell, on the configured database.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage accounts.",
        subcommands: [Create.self, List.self, SetRole.self, Disable.self, ResetPassword.self]
    )

    /// Runs `body` with the services, turning failures into one line on standard error.
    /// Opens the configured database for an admin command, says which one on standard error, and
    /// refuses to create one (a command run in the wrong directory would otherwise make a fresh,
    /// empty database and secrets) unless `creating` — an import may restore into an empty instance.
    static func run(creating: Bool = false, _ body: (CommandLineServices) async throws -> Void) async throws {
        let configuration = Startup.configuration()
        if case .sqlite(let path) = configuration.database, !creating, !FileManager.default.fileExists(atPath: path) {
            FileHandle.standardError.write(Data("""
                promptlib: there is no database at \(path). Run this where STORAGE_DIR points at your data (now: \(configuration.storageDirectory)), \
                or set DATABASE_URL; `promptlib serve` or `promptlib migrate` creates a database.

                """.utf8))
            throw ExitCode.failure
        }
        FileHandle.standardError.write(Data("database: \(configuration.databaseDescription)\n".utf8))
        let logger = Startup.bootstrapLogging(configuration, level: .warning)
        let services: CommandLineServices
        do {
            services = try await CommandLineServices.open(configuration, logger: logger)
        } catch {
            FileHandle.standardError.write(Data("promptlib: \(UserFacingError.describe(error))\n".utf8))
            throw ExitCode.failure
        }
        do {
            try await body(services)
            await services.close()
        } catch {
            await services.close()
            FileHandle.standardError.write(Data("promptlib: \(UserFacingError.describe(error))\n".utf8))
            throw ExitCode.failure
        }
    }

    /// Reads a password from standard input, or makes one and says so.
    static func password(fromStdin: Bool) -> (String, generated: Bool) {
        if fromStdin, let line = readLine(strippingNewline: true), !line.isEmpty { return (line, false) }
        return (CommandLineServices.generatedPassword(), true)
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account (prints a generated password unless --password-stdin).")
        @Argument var username: String
        @Option var email: String
        @Option(help: "admin, user or viewer") var role = "user"
        @Flag(help: "Read the password from standard input.") var passwordStdin = false

        func run() async throws {
            let (password, generated) = UserCommand.password(fromStdin: passwordStdin)
            try await UserCommand.run { services in
                _ = try await services.createUser(username: username, email: email, password: password, role: role)
                print("created \(username) (\(role))" + (generated ? "; password: \(password)" : ""))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")
        func run() async throws {
            try await UserCommand.run { services in
                for (username, email, role, status) in try await services.listUsers() {
                    print("\(username)\t\(email)\t\(role)\t\(status)")
                }
            }
        }
    }

    struct SetRole: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-role", abstract: "Change an account's role.")
        @Argument var username: String
        @Argument(help: "admin, user or viewer") var role: String
        func run() async throws {
            try await UserCommand.run { try await $0.changeUser(username, role: role); print("\(username) is now \(role)") }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account and end its sessions.")
        @Argument var username: String
        func run() async throws {
            try await UserCommand.run { try await $0.changeUser(username, disable: true); print("\(username) is disabled") }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset-password", abstract: "Set a new password and end the account's sessions.")
        @Argument var username: String
        @Flag(help: "Read the password from standard input.") var passwordStdin = false
        func run() async throws {
            let (password, generated) = UserCommand.password(fromStdin: passwordStdin)
            try await UserCommand.run { services in
                try await services.changeUser(username, password: password)
                print("password of \(username) reset" + (generated ? "; new password: \(password)" : ""))
            }
        }
    }
}
