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
    static func run(_ body: (CommandLineServices) async throws -> Void) async throws {
        let configuration = Startup.configuration()
        let logger = Startup.bootstrapLogging(configuration, level: .warning)
        let services = try await CommandLineServices.open(configuration, logger: logger)
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
