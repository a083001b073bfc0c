import Foundation
import Hummingbird
import HummingbirdWebSocket
import Synchronization

/// `POST /api/v1/ws/tickets` and `GET /api/v1/ws`: a signed-in session trades its token for a
/// single-use ticket, and the WebSocket upgrade redeems it. The upgrade itself is answered by the
/// WebSocket router (``webSocketRouter()``); a request it does not upgrade comes here and gets a 401.
struct RealtimeController {
    let tickets: any TicketStore
    let auth: AuthService
    let hub: RealtimeHub

    struct TicketResponse: ResponseEncodable {
        let ticket: String
        let expiresIn: Int
        enum CodingKeys: String, CodingKey { case ticket, expiresIn = "expires_in" }
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("tickets") { _, context -> EditedResponse<TicketResponse> in
            let identity = try context.requireIdentity()
            guard let sessionID = identity.sessionID else {
                throw APIError(.forbidden, .permissionDenied, "Real-time connections are for signed-in sessions, not API keys")
            }
            let ticket = try await tickets.issue(TicketHolder(userID: identity.userID, sessionID: sessionID))
            return EditedResponse(status: .created, response: TicketResponse(ticket: ticket, expiresIn: Tickets.lifetime))
        }
        group.get { _, _ -> Response in
            throw APIError(.unauthorized, .authenticationRequired,
                           "GET /api/v1/ws upgrades to a WebSocket with a ticket from POST /api/v1/ws/tickets (single use, valid for \(Tickets.lifetime) s)")
        }
    }

    /// The router the WebSocket upgrade consults: it redeems the ticket and upgrades only when the
    /// ticket's session still holds; anything else falls through to the main router's 401.
    func webSocketRouter() -> Router<RealtimeRequestContext> {
        let router = Router(context: RealtimeRequestContext.self)
        let (tickets, auth, hub) = (tickets, auth, hub)
        router.ws("/api/v1/ws") { request, context in
            guard let ticket = request.uri.queryParameters["ticket"], let holder = await tickets.redeem(String(ticket)),
                  let identity = try? await auth.sessionIdentity(userID: holder.userID, sessionID: holder.sessionID) else {
                return .dontUpgrade
            }
            context.identity.set(identity)
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, context in
            guard let identity = context.requestContext.identity.get() else { return }
            try await RealtimeSession(hub: hub).run(identity, inbound: inbound, outbound: outbound)
        }
        return router
    }
}

/// The context of a WebSocket upgrade: it carries the identity the ticket named from the
/// upgrade check to the connection's handler.
struct RealtimeRequestContext: RequestContext, WebSocketRequestContext {
    var coreContext: CoreRequestContextStorage
    let webSocket: WebSocketHandlerReference<RealtimeRequestContext>
    let identity: IdentityBox

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        webSocket = .init()
        identity = IdentityBox()
    }

    final class IdentityBox: Sendable {
        private let value = Mutex<Identity?>(nil)
        func set(_ identity: Identity) { value.withLock { $0 = identity } }
        func get() -> Identity? { value.withLock { $0 } }
    }
}
