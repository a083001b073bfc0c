import NIOCore

/// On a subscribed connection every reply is a push (`message`, `subscribe` confirmations,
/// `pong`): this handler passes each one on, and ends the stream when the connection closes.
final class RESPPushHandler: ChannelInboundHandler {
    typealias InboundIn = RESPValue

    private let continuation: AsyncStream<RESPValue>.Continuation

    init(continuation: AsyncStream<RESPValue>.Continuation) {
        self.continuation = continuation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        continuation.yield(unwrapInboundIn(data))
    }

    func channelInactive(context: ChannelHandlerContext) {
        continuation.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        continuation.finish()
        context.close(promise: nil)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        continuation.finish()
    }
}
