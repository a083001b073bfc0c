import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOHTTP1

/// The server's connections: HTTP/1.1 with the WebSocket upgrade (hummingbird-websocket), plus
/// the ``ProtocolErrorResponder`` right after the HTTP decoder, which the upgrade pipeline
/// otherwise lacks (it would close on bytes that are not HTTP without a word, and refuse a bad
/// ticket with an empty `400` instead of a `401`).
struct RealtimeServerChannel: ServerChildChannel {
    let inner: HTTP1WebSocketUpgradeChannel

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1WebSocketUpgradeChannel.Value> {
        inner.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let decoder = try channel.pipeline.syncOperations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try channel.pipeline.syncOperations.addHandler(ProtocolErrorResponder(), position: .after(decoder))
            return value
        }
    }

    func handle(value: HTTP1WebSocketUpgradeChannel.Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }

    /// The server builder for ``buildApplication(parts:logger:)``.
    static func builder(webSocketRouter: Router<RealtimeRequestContext>, limits: RealtimeLimits) -> HTTPServerBuilder {
        let responder = webSocketRouter.buildResponder()
        // Pings every 30 s keep proxies from cutting a quiet connection; a client that stops
        // answering them is closed.
        let configuration = HTTP1WebSocketUpgradeChannel.Configuration(
            ws: .init(maxFrameSize: limits.maxMessageBytes, autoPing: .enabled(timePeriod: .seconds(30))))
        return HTTPServerBuilder { httpResponder in
            RealtimeServerChannel(inner: HTTP1WebSocketUpgradeChannel(responder: httpResponder, webSocketResponder: responder, configuration: configuration))
        }
    }
}
