import Foundation
import Hummingbird
import PromptLibStorage

/// `/api/v1/api-keys`: create (the key is shown once), list and revoke.
struct APIKeyController {
    let service: APIKeyService

    struct CreateInput: Decodable {
        let name: String
        let scopes: [APIScope]
        let expiresAt: Date?
        enum CodingKeys: String, CodingKey { case name, scopes, expiresAt = "expires_at" }
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get { request, context -> ListResponse<APIKeyResponse> in
            let all = try ListQuery.flag("all", in: request)
            let query = try ListQuery(request)
            let keys = try await service.list(all: all, identity: try context.requireIdentity())
            return ListResponse(try InMemoryPage.page(keys, query, key: \.id), limit: query.limit) { APIKeyResponse($0, key: nil) }
        }
        group.post { request, context -> EditedResponse<APIKeyResponse> in
            let input = try await request.decodeJSON(as: CreateInput.self, context: context, dates: .iso8601)
            let (record, secret) = try await service.create(name: input.name, scopes: input.scopes, expiresAt: input.expiresAt, context: context)
            return EditedResponse(status: .created, headers: [.location: "/api/v1/api-keys/\(record.id)"], response: APIKeyResponse(record, key: secret))
        }
        group.delete(":id") { _, context -> HTTPResponse.Status in
            try await service.revoke(id: try context.parameters.require("id"), context: context)
            return .noContent
        }
    }
}

/// A key as the API shows it: `key` only in the answer to its creation.
struct APIKeyResponse: ResponseEncodable, Sendable {
    let id: String
    let name: String
    let prefix: String
    let scopes: [String]
    let createdAt: Date
    let expiresAt: Date?
    let lastUsedAt: Date?
    let revokedAt: Date?
    let key: String?

    enum CodingKeys: String, CodingKey {
        case id, name, prefix, scopes, key
        case createdAt = "created_at", expiresAt = "expires_at", lastUsedAt = "last_used_at", revokedAt = "revoked_at"
    }

    init(_ record: APIKeyRecord, key: String?) {
        id = record.id
        name = record.name
        prefix = record.prefix
        scopes = record.scopes
        createdAt = record.createdAt
        expiresAt = record.expiresAt
        lastUsedAt = record.lastUsedAt
        revokedAt = record.revokedAt
        self.key = key
    }
}
