public import Logging
import PromptLibCore
import PromptLibStorage

/// What the `promptlib user …` commands run on: the same services as the server, on a migrated store.
public struct CommandLineServices: Sendable {
    let store: any SQLStore
    let services: AppServices

    /// Opens and migrates the configured store.
    public static func open(_ configuration: AppConfiguration, logger: Logger) async throws -> CommandLineServices {
        var configuration = configuration
        try configuration.resolveDevelopmentSecrets()
        let store = try await StoreFactory.open(configuration, logger: logger)
        do {
            try await StoreFactory.migrate(store, logger: logger)
            return CommandLineServices(store: store, services: try await AppServices(configuration: configuration, store: store))
        } catch {
            await store.close()
            throw error
        }
    }

    /// Closes the store.
    public func close() async { await store.close() }

    /// Creates an account; returns its id.
    public func createUser(username: String, email: String, password: String, role: String) async throws -> String {
        try await services.users.create(username: username, email: email, password: password, role: try Self.role(role), context: nil).id
    }

    /// Every account as `(username, email, role, status)`.
    public func listUsers() async throws -> [(String, String, String, String)] {
        var rows: [(String, String, String, String)] = []
        var cursor: String?
        repeat {
            let page = try await services.userRepository.list(limit: 200, cursor: cursor)
            rows += page.items.map { ($0.username, $0.email, $0.role.rawValue, $0.status.rawValue) }
            cursor = page.nextCursor
        } while cursor != nil
        return rows
    }

    /// Changes an account found by username or email.
    public func changeUser(_ login: String, role: String? = nil, disable: Bool = false, password: String? = nil) async throws {
        guard let user = try await services.userRepository.find(login: login) else {
            throw CommandLineError("no account named '\(login)'")
        }
        let changes = UserService.Changes(role: try role.map(Self.role), status: disable ? .disabled : nil, password: password)
        _ = try await services.users.update(id: user.id, changes, context: nil)
    }

    /// Re-encrypts every credential under the current key; returns how many.
    public func rotateKeys() async throws -> Int { try await services.keyRotation.run() }

    /// A password that meets the policy, for accounts created without one.
    public static func generatedPassword() -> String { UserService.generatedPassword() }

    static func role(_ text: String) throws -> Role {
        guard let role = Role(rawValue: text) else { throw CommandLineError("role must be admin, user or viewer") }
        return role
    }
}

/// A problem with a command's arguments or target.
public struct CommandLineError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
