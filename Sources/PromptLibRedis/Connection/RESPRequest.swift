import NIOCore

/// Commands written together, and the promises their replies complete, in order: what the
/// ``RESPCommandHandler`` takes from a ``RedisConnection``.
struct RESPRequest {
    let commands: [RESPCommand]
    let replies: [EventLoopPromise<RESPValue>]
    /// How long the last reply may take.
    let timeout: TimeAmount
}
