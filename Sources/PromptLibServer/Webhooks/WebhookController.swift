import Foundation
import Hummingbird
import PromptLibStorage

/// `/api/v1/webhooks`: endpoints that hear of prompt events, their secrets and their deliveries.
struct WebhookController {
    let service: WebhookService

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get { request, context -> ListResponse<WebhookResponse> in
            let query = try ListQuery(request)
            let list = try await service.list(context: context)
            let page = try InMemoryPage.page(list, query, key: \.id)
            var latest: [String: WebhookDeliveryRecord] = [:]
            for record in page.items { latest[record.id] = try await service.webhooks.deliveries(webhookID: record.id, limit: 1).first }
            return ListResponse(page, limit: query.limit) { WebhookResponse($0, last: latest[$0.id]) }
        }
        group.post { request, context -> EditedResponse<WebhookCreatedResponse> in
            let input = try await request.decodeJSON(as: WebhookInput.self, context: context)
            let (record, secret) = try await service.create(input, context: context)
            return EditedResponse(status: .created, headers: [.location: "/api/v1/webhooks/\(record.id)"],
                                  response: WebhookCreatedResponse(webhook: WebhookResponse(record, last: nil), secret: secret))
        }
        group.get(":id") { _, context -> WebhookResponse in
            let record = try await service.owned(try context.parameters.require("id"), context: context)
            return WebhookResponse(record, last: try await service.webhooks.deliveries(webhookID: record.id, limit: 1).first)
        }
        group.patch(":id") { request, context -> WebhookResponse in
            let input = try await request.decodeJSON(as: WebhookInput.self, context: context)
            let record = try await service.update(id: try context.parameters.require("id"), input, context: context)
            return WebhookResponse(record, last: try await service.webhooks.deliveries(webhookID: record.id, limit: 1).first)
        }
        group.delete(":id") { _, context -> HTTPResponse.Status in
            try await service.delete(id: try context.parameters.require("id"), context: context)
            return .noContent
        }
        group.post(":id/secret") { _, context -> WebhookCreatedResponse in
            let (record, secret) = try await service.rotateSecret(id: try context.parameters.require("id"), context: context)
            return WebhookCreatedResponse(webhook: WebhookResponse(record, last: nil), secret: secret)
        }
        group.post(":id/ping") { _, context -> EditedResponse<DeliveryResponse> in
            EditedResponse(status: .accepted, response: DeliveryResponse(try await service.ping(id: try context.parameters.require("id"), context: context)))
        }
        group.get(":id/deliveries") { request, context -> DeliveriesResponse in
            let limit = try ListQuery(request).limit
            return DeliveriesResponse(data: try await service.deliveries(id: try context.parameters.require("id"), limit: limit, context: context)
                .map(DeliveryResponse.init))
        }
    }

    /// The latest deliveries, newest first.
    struct DeliveriesResponse: ResponseEncodable {
        let data: [DeliveryResponse]
    }
}
