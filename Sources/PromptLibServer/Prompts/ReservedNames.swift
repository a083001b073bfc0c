import PromptLibCore

/// Names under `system/` hold the prompts PromptLib itself uses (the enhancer's `system/enhance`):
/// whoever owns one steers what the product sends on everyone's behalf, so only admins create,
/// rename into or import them.
enum ReservedNames {
    static let prefix = "system/"

    static func isReserved(_ name: String) -> Bool {
        name.lowercased().hasPrefix(prefix)
    }

    /// Refuses `name` to anyone but an admin.
    static func check(_ name: String, identity: Identity) throws {
        guard isReserved(name), identity.role != .admin else { return }
        throw APIError(.forbidden, .permissionDenied, "Names under \(prefix) are reserved for admins: they hold the prompts PromptLib itself uses", field: "name")
    }
}
