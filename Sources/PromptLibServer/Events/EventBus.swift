/// Carries ``PromptEvent``s to every subscriber on every replica: through Redis `PUBLISH` /
/// `SUBSCRIBE` when `REDIS_URL` is set, within the process otherwise.
///
/// Delivery is at most once and best effort, as Redis pub/sub is: a replica cut off from Redis
/// misses what was published meanwhile. Nothing correct depends on an event arriving — the prompt
/// cache is kept right by its own generations — so receivers treat events as news, not as state.
protocol EventBus: Sendable {
    /// Delivers `event` to this process's subscribers at once and to other replicas' through Redis.
    func publish(_ event: PromptEvent) async
    /// The events published from now on, by any replica, for as long as the stream is consumed.
    func events() -> AsyncStream<PromptEvent>
}
