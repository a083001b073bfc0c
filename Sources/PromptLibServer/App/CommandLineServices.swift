public import Foundation
public import Logging
import PromptLibCore
import PromptLibStorage

/// What the `promptlib user …` commands run on: the same services as the server, on a migrated store.
public struct CommandLineServices: Sendable {
    let store: any SQLStore
    let services: AppServices
    /// The state shared with the servers when `REDIS_URL` is set: an import or a user change made
    /// here invalidates what the servers cached, and is announced to them, as through the API.
    let shared: SharedState

    /// Opens and migrates the configured store.
    public static func open(_ configuration: AppConfiguration, logger: Logger) async throws -> CommandLineServices {
        var configuration = configuration
        try configuration.resolveDevelopmentSecrets()
        let store = try await StoreFactory.open(configuration, logger: logger)
        let shared = SharedState.make(configuration, logger: logger)
        do {
            try await StoreFactory.migrate(store, logger: logger)
            return CommandLineServices(store: store, services: try await AppServices(configuration: configuration, store: store, shared: shared), shared: shared)
        } catch {
            await store.close()
            await shared.close()
            throw error
        }
    }

    /// Closes the store and the Redis connections.
    public func close() async {
        await store.close()
        await shared.close()
    }

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

    /// How far an export or import is: a phase, items done, and the total when known.
    public typealias Progress = @Sendable (_ phase: String, _ done: Int, _ total: Int?) -> Void

    /// The prompts the filters select as an archive (`zip` or `tar.gz`); returns the bytes and counts.
    public func export(format: String, archive: String, includeHistory: Bool, query: String?, tag: String?, owner: String?, status: String?,
                       folder: String?, includeArchived: Bool, progress: Progress?) async throws -> (data: Data, prompts: Int, versions: Int) {
        let request = ExportService.Request(
            filter: .init(q: query, tag: tag, owner: owner, status: status, folder: folder, includeArchived: includeArchived),
            format: format, includeHistory: includeHistory, archive: archive)
        let result = try await services.exports.export(request, context: nil, actorName: "cli", progress: progress)
        return (result.data, result.prompts, result.versions)
    }

    /// Imports a file or archive as an admin would (owners kept as exported); returns one line per
    /// prompt and the counts by action.
    public func importFile(_ data: Data, format: String?, name: String? = nil, dryRun: Bool, onConflict: String?, progress: Progress?) async throws
        -> (lines: [String], counts: [String: Int]) {
        var strategy: ImportService.Strategy?
        if let onConflict {
            guard let parsed = ImportService.Strategy(rawValue: onConflict) else { throw CommandLineError("--on-conflict must be skip, new_version or rename") }
            strategy = parsed
        }
        let identity = Identity(userID: "cli", username: "cli", role: .admin, sessionID: nil)
        let result: ImportService.Result
        do {
            result = try await services.imports.run(data, mediaType: nil, format: format, name: name, dryRun: dryRun, strategy: strategy,
                                                    identity: identity, context: nil, progress: progress)
        } catch var error as APIError {
            // The server's words name its query parameters; here they are the command's flags.
            error.message = error.message.replacingOccurrences(of: "on_conflict=", with: "--on-conflict ")
                .replacingOccurrences(of: "dry_run=true", with: "--dry-run").replacingOccurrences(of: "?name=", with: "--name ")
            throw error
        }
        let lines = result.items.map { item in
            "\(item.action.rawValue)\t\(item.name)" + (item.importedAs.map { " → \($0)" } ?? "") + (item.reason.map { "\t(\($0))" } ?? "")
        }
        return (lines, result.counts)
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
