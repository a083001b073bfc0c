import NIOCore

/// Writes commands and hands each reply to the promise of the command it answers. Redis answers in
/// order, so replies are matched by position (this is what makes pipelining work). A reply that
/// does not come within its timeout fails every waiting command and closes the connection: a late
/// reply would otherwise be taken for the next command's answer.
final class RESPCommandHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = RESPValue
    typealias OutboundIn = RESPRequest
    typealias OutboundOut = ByteBuffer

    private struct Pending {
        let promise: EventLoopPromise<RESPValue>
        let command: String
        let deadline: NIODeadline
        let seconds: Double
    }

    private var pending = CircularBuffer<Pending>()
    private var timer: Scheduled<Void>?
    private var failure: RedisError?

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        if let failure {
            request.replies.forEach { $0.fail(failure) }
            promise?.fail(failure)
            return
        }
        var buffer = context.channel.allocator.buffer(capacity: 64)
        for command in request.commands { command.write(into: &buffer) }
        let deadline = NIODeadline.now() + request.timeout
        for (command, reply) in zip(request.commands, request.replies) {
            pending.append(Pending(promise: reply, command: command.name, deadline: deadline, seconds: Double(request.timeout.nanoseconds) / 1e9))
        }
        if timer == nil { schedule(context: context) }
        // A write that fails leaves replies out of step with the queue: the connection is done.
        let written = context.eventLoop.makePromise(of: Void.self)
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        written.futureResult.whenFailure { error in
            let (handler, context) = bound.value
            handler.fail(context: context, error as? RedisError ?? .connectionClosed)
        }
        written.futureResult.cascade(to: promise)
        context.write(wrapOutboundOut(buffer), promise: written)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let value = unwrapInboundIn(data)
        guard let first = pending.popFirst() else {
            fail(context: context, RedisError.protocolViolation("a reply came that no command asked for"))
            return
        }
        first.promise.succeed(value)
        if pending.isEmpty {
            timer?.cancel()
            timer = nil
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if failure == nil { failure = .connectionClosed }
        failPending(failure ?? .connectionClosed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(context: context, error as? RedisError ?? .unavailable(String(describing: error)))
    }

    /// Watches the oldest waiting command's deadline.
    private func schedule(context: ChannelHandlerContext) {
        guard let oldest = pending.first else { return }
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(deadline: oldest.deadline) {
            let (handler, context) = bound.value
            handler.timer = nil
            guard let first = handler.pending.first else { return }
            if first.deadline <= .now() {
                handler.fail(context: context, .timeout(command: first.command, seconds: first.seconds))
            } else {
                handler.schedule(context: context)
            }
        }
    }

    private func fail(context: ChannelHandlerContext, _ error: RedisError) {
        if failure == nil { failure = error }
        failPending(error)
        context.close(promise: nil)
    }

    private func failPending(_ error: RedisError) {
        timer?.cancel()
        timer = nil
        while let next = pending.popFirst() { next.promise.fail(error) }
    }
}
