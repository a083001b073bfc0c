/// What an ``EventBus`` carries: a message that names the Redis channel it travels on.
protocol BusMessage: Codable, Sendable {
    /// The Redis channel of this kind of message, one per kind so each is decoded as what it is.
    static var channel: String { get }
}

/// Carries messages to every subscriber on every replica: through Redis `PUBLISH` / `SUBSCRIBE`
/// when `REDIS_URL` is set, within the process otherwise. One bus carries ``PromptEvent``s (what
/// real-time clients and webhooks react to); another carries ``RealtimeSignal``s (presence and
/// what is meant for one user).
///
/// Delivery is at most once and best effort, as Redis pub/sub is: a replica cut off from Redis
/// misses what was published meanwhile. Nothing correct depends on an event arriving — the prompt
/// cache is kept right by its own generations — so receivers treat events as news, not as state.
protocol EventBus<Message>: Sendable {
    associatedtype Message: BusMessage
    /// Delivers `message` to this process's subscribers at once and to other replicas' through Redis.
    func publish(_ message: Message) async
    /// The messages published from now on, by any replica, for as long as the stream is consumed.
    func events() -> AsyncStream<Message>
    /// Stops listening to other replicas; for shutdown.
    func close()
}

extension EventBus {
    func close() {}
}
