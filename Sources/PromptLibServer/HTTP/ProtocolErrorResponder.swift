import Foundation
import NIOCore
import NIOHTTP1

/// Answers what never reaches the router, in the API's error envelope: bytes that are not HTTP
/// (`400`), and a WebSocket upgrade refused for want of a valid ticket (`401`, where the
/// WebSocket library would send an empty `400`). It sits right after the HTTP decoder of every
/// connection; once a connection is upgraded it passes everything through untouched (WebSocket
/// frames are not its business).
final class ProtocolErrorResponder: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// Whether the request being answered asked for a WebSocket.
    private var upgradeAsked = false
    /// A body to send before the end of a rewritten answer.
    private var pendingBody: ByteBuffer?
    private var answeredParseError = false
    private var upgraded = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if !upgraded, case .head(let head) = unwrapInboundIn(data) {
            upgradeAsked = head.headers[canonicalForm: "upgrade"].contains { $0.lowercased() == "websocket" }
        }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is HTTPParserError else { return context.fireErrorCaught(error) }
        guard !answeredParseError else { return }
        answeredParseError = true
        let body = Self.envelope(APIError(.badRequest, .validationError, "The request is not valid HTTP/1.1"), context: context)
        var headers = Self.headers(for: body)
        headers.add(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .badRequest, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard !upgraded else { return context.write(data, promise: promise) }
        switch unwrapOutboundIn(data) {
        case .head(let head) where head.status == .switchingProtocols:
            // From here on the connection speaks WebSocket frames, which pass through untouched.
            upgraded = true
            context.write(data, promise: promise)
        case .head(var head) where upgradeAsked && head.status == .badRequest:
            let body = Self.envelope(APIError(.unauthorized, .authenticationRequired,
                                              "A WebSocket needs a fresh ticket from POST /api/v1/ws/tickets (single use, valid for \(Tickets.lifetime) s)"),
                                     context: context)
            head.status = .unauthorized
            head.headers = Self.headers(for: body)
            head.headers.add(name: "Connection", value: "close")
            pendingBody = body
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end where pendingBody != nil:
            context.write(wrapOutboundOut(.body(.byteBuffer(pendingBody!))), promise: nil)
            pendingBody = nil
            context.write(data, promise: promise)
        default:
            context.write(data, promise: promise)
        }
    }

    private static func headers(for body: ByteBuffer) -> HTTPHeaders {
        ["Content-Type": "application/json; charset=utf-8", "Content-Length": String(body.readableBytes)]
    }

    /// The API's error body (``ErrorEnvelope``), with a fresh request id.
    private static func envelope(_ error: APIError, context: ChannelHandlerContext) -> ByteBuffer {
        let data = (try? JSONEncoder().encode(ErrorEnvelope(error, requestID: RequestID.generate()))) ?? Data()
        return context.channel.allocator.buffer(bytes: data)
    }
}
