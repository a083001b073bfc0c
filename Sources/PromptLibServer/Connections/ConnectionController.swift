import Foundation
import Hummingbird
import PromptLibStorage

/// `/api/v1/connections`: provider connections. Credentials go in; only masked hints come out.
struct ConnectionController {
    let service: ConnectionService
    let probe: ConnectionProbe

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get { request, context -> ListResponse<ConnectionResponse> in
            let query = try ListQuery(request)
            let list = try await service.list(context: context)
            return ListResponse(try InMemoryPage.page(list, query, key: \.id), limit: query.limit) {
                ConnectionResponse($0, breaker: probe.gateway.breakers)
            }
        }
        group.post { request, context -> EditedResponse<ConnectionResponse> in
            let input = try await request.decodeJSON(as: ConnectionService.Input.self, context: context)
            let record = try await service.create(input, context: context)
            return EditedResponse(status: .created, headers: [.location: "/api/v1/connections/\(record.id)"], response: ConnectionResponse(record, breaker: probe.gateway.breakers))
        }
        group.get(":id") { _, context -> ConnectionResponse in
            ConnectionResponse(try await service.owned(try context.parameters.require("id"), context: context), breaker: probe.gateway.breakers)
        }
        group.post(":id/test") { request, context -> ConnectionTestResult in
            let input = try await request.decodeJSONIfPresent(as: ConnectionProbe.Input.self, context: context) ?? .init()
            return try await probe.test(id: try context.parameters.require("id"), input, context: context)
        }
        group.patch(":id") { request, context -> ConnectionResponse in
            let input = try await request.decodeJSON(as: ConnectionService.Input.self, context: context)
            return ConnectionResponse(try await service.update(id: try context.parameters.require("id"), input, context: context),
                                      breaker: probe.gateway.breakers)
        }
        group.delete(":id") { _, context -> HTTPResponse.Status in
            let id = try context.parameters.require("id")
            try await service.delete(id: id, context: context)
            probe.gateway.breakers.forget(id)
            return .noContent
        }
    }
}

/// A connection as the API shows it: `credentials_hint` only, never the credentials.
struct ConnectionResponse: ResponseEncodable, Sendable {
    let id: String
    let name: String
    let provider: String
    let baseURL: String?
    let defaultModel: String?
    let credentialsHint: [String: String]
    let ownerID: String
    /// This replica's circuit breaker for the connection.
    let breaker: BreakerView
    let createdAt: Date
    let updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, provider, baseURL = "base_url", defaultModel = "default_model", credentialsHint = "credentials_hint"
        case breaker, ownerID = "owner_id", createdAt = "created_at", updatedAt = "updated_at"
    }

    init(_ record: ConnectionRecord, breaker breakers: CircuitBreakers) {
        breaker = BreakerView(breakers.state(of: record.id))
        id = record.id
        name = record.name
        provider = record.provider
        baseURL = record.baseURL
        defaultModel = record.defaultModel
        credentialsHint = (try? JSONDecoder().decode([String: String].self, from: Data(record.credentialsHint.utf8))) ?? [:]
        ownerID = record.userID
        createdAt = record.createdAt
        updatedAt = record.updatedAt
    }
}
