import Foundation
import PromptLibCore
import PromptLibStorage

/// Provider connections: validated, credentials sealed with AES-256-GCM, never returned in clear.
struct ConnectionService: Sendable {
    let connections: any ConnectionRepository
    let cipher: CredentialCipher
    let audit: AuditLog

    static let maxURLLength = 2_048
    static let maxModelLength = 200
    static let maxCredentialLength = 8_192

    struct Input: Decodable, Sendable {
        let name: String?
        let provider: ProviderKind?
        let baseURL: String?
        let defaultModel: String?
        let credentials: [String: String]?
        enum CodingKeys: String, CodingKey {
            case name, provider, credentials, baseURL = "base_url", defaultModel = "default_model"
        }
    }

    func create(_ input: Input, context: AppRequestContext) async throws -> ConnectionRecord {
        let identity = try context.requireIdentity()
        guard let provider = input.provider else { throw APIError.validation("provider is required", field: "provider") }
        let id = UUID().uuidString.lowercased()
        let now = Date()
        var record = ConnectionRecord(
            id: id, userID: identity.userID, name: "", provider: provider.rawValue, baseURL: input.baseURL,
            defaultModel: input.defaultModel, credentials: "", credentialsHint: "{}", keyID: cipher.currentKeyID, createdAt: now, updatedAt: now
        )
        try apply(input, to: &record, provider: provider, requireCredentials: true)
        try await connections.create(record)
        try await audit.record("connection.created", context: context, targetType: "connection", targetID: id,
                               details: ["name": record.name, "provider": provider.rawValue])
        return record
    }

    func update(id: String, _ input: Input, context: AppRequestContext) async throws -> ConnectionRecord {
        var record = try await owned(id, context: context)
        // Where a connection sends its key is its owner's to decide: an admin (or a stolen admin
        // session) must not point someone's key at another host.
        if let url = input.baseURL, url != record.baseURL, record.userID != (try context.requireIdentity()).userID {
            throw APIError(.forbidden, .permissionDenied, "Only the connection's owner may change where it sends its credentials", field: "base_url")
        }
        if let provider = input.provider, provider.rawValue != record.provider {
            throw APIError.validation("provider cannot change; create a new connection", field: "provider")
        }
        try apply(input, to: &record, provider: ProviderKind(rawValue: record.provider) ?? .openai, requireCredentials: false)
        record.updatedAt = Date()
        guard try await connections.update(record) else { throw APIError.notFound("Connection") }
        try await audit.record("connection.updated", context: context, targetType: "connection", targetID: id,
                               details: ["credentials": input.credentials == nil ? "unchanged" : "replaced"])
        return record
    }

    func delete(id: String, context: AppRequestContext) async throws {
        _ = try await owned(id, context: context)
        try await connections.delete(id: id)
        try await audit.record("connection.deleted", context: context, targetType: "connection", targetID: id)
    }

    /// The caller's connections; an admin sees everyone's (still masked).
    func list(context: AppRequestContext) async throws -> [ConnectionRecord] {
        let identity = try context.requireIdentity()
        return try await connections.list(userID: identity.role == .admin ? nil : identity.userID)
    }

    /// A connection its owner or an admin may see; anyone else gets a 404.
    func owned(_ id: String, context: AppRequestContext) async throws -> ConnectionRecord {
        let identity = try context.requireIdentity()
        guard let record = try await connections.find(id: id), record.userID == identity.userID || identity.role == .admin else {
            throw APIError.notFound("Connection")
        }
        return record
    }

    /// A connection the caller may spend: only its owner's. An admin sees everyone's connections,
    /// but using one would spend its owner's key, so to anyone else it is a 404.
    func usable(_ id: String, context: AppRequestContext) async throws -> ConnectionRecord {
        let identity = try context.requireIdentity()
        guard id.utf8.count <= 64, let record = try await connections.find(id: id), record.userID == identity.userID else {
            throw APIError.notFound("Connection")
        }
        return record
    }

    /// The decrypted credentials, for calling the provider. Never sent to a client.
    func credentials(of record: ConnectionRecord) throws -> [String: String] {
        try JSONDecoder().decode([String: String].self, from: cipher.open(record.credentials, context: record.id))
    }

    /// The connection ready to call, credentials opened. Never sent to a client.
    func endpoint(of record: ConnectionRecord) throws -> ProviderEndpoint {
        guard let kind = ProviderKind(rawValue: record.provider) else {
            throw APIError(.unprocessableContent, .validationError, "connection \(record.id) names an unknown provider", field: "connection_id")
        }
        return ProviderEndpoint(connectionID: record.id, kind: kind, baseURL: record.baseURL, credentials: try credentials(of: record),
                                defaultModel: record.defaultModel)
    }

    private func apply(_ input: Input, to record: inout ConnectionRecord, provider: ProviderKind, requireCredentials: Bool) throws {
        if let name = input.name ?? (requireCredentials ? nil : record.name) {
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...100).contains(trimmed.unicodeScalars.count) else { throw APIError.validation("name must be 1 to 100 characters", field: "name") }
            record.name = trimmed
        } else {
            throw APIError.validation("name is required", field: "name")
        }
        if input.baseURL != nil { record.baseURL = input.baseURL }
        if input.defaultModel != nil { record.defaultModel = input.defaultModel }
        // Lengths in Unicode scalars, as the OpenAPI document's maxLength counts them.
        if let model = record.defaultModel, !(1...Self.maxModelLength).contains(model.unicodeScalars.count) {
            throw APIError.validation("default_model must be 1 to \(Self.maxModelLength) characters", field: "default_model")
        }
        if let url = record.baseURL {
            guard url.unicodeScalars.count <= Self.maxURLLength else {
                throw APIError.validation("base_url must be at most \(Self.maxURLLength) characters", field: "base_url")
            }
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil,
                  parsed.port.map({ (1...65_535).contains($0) }) ?? true else {
                throw APIError.validation("base_url must be an http or https URL", field: "base_url")
            }
            // The URL is shown back in every answer: credentials inside it would be too. They
            // belong in `credentials`, which are sealed and never returned.
            let authority = url.components(separatedBy: "://").dropFirst().first?.prefix { !"/?#".contains($0) } ?? ""
            guard parsed.user == nil, parsed.password == nil, !authority.contains("@") else {
                throw APIError.validation("base_url must not contain a user name or password; put credentials in credentials", field: "base_url")
            }
        } else if provider.needsBaseURL {
            throw APIError.validation("base_url is required for \(provider.rawValue)", field: "base_url")
        }
        guard let credentials = input.credentials else {
            if requireCredentials && !provider.requiredCredentials.isEmpty {
                throw APIError.validation("credentials are required for \(provider.rawValue)", field: "credentials")
            }
            if requireCredentials { try seal([:], into: &record) }
            return
        }
        for (field, value) in credentials where value.unicodeScalars.count > Self.maxCredentialLength {
            throw APIError.validation("credentials.\(field) must be at most \(Self.maxCredentialLength) characters", field: "credentials.\(field)")
        }
        for field in credentials.keys where !provider.allowedCredentials.contains(field) {
            // Named back, but never more than a short prefix of whatever was sent.
            let shown = field.unicodeScalars.count > 64 ? String(field.prefix(64)) + "…" : field
            throw APIError.validation("\(provider.rawValue) takes no credential named '\(shown)'", field: "credentials.\(shown)")
        }
        for field in provider.requiredCredentials where (credentials[field] ?? "").isEmpty {
            throw APIError.validation("credentials.\(field) is required for \(provider.rawValue)", field: "credentials.\(field)")
        }
        try seal(credentials, into: &record)
    }

    private func seal(_ credentials: [String: String], into record: inout ConnectionRecord) throws {
        let plaintext = try JSONEncoder().encode(credentials)
        record.credentials = try cipher.seal(plaintext, context: record.id)
        record.keyID = cipher.currentKeyID
        let hints = credentials.reduce(into: [String: String]()) { hints, pair in
            hints[pair.key] = ProviderKind.isPublic(pair.key) ? pair.value : ProviderKind.mask(pair.value)
        }
        record.credentialsHint = String(decoding: try JSONEncoder().encode(hints), as: UTF8.self)
    }
}
