/// A message published on a channel this process subscribed to.
public struct RedisMessage: Sendable, Hashable {
    /// The channel it was published on.
    public let channel: String
    /// What was published.
    public let payload: [UInt8]

    /// A message as a subscriber receives it.
    public init(channel: String, payload: [UInt8]) {
        self.channel = channel
        self.payload = payload
    }

    /// The payload as UTF-8 text.
    public var text: String { String(decoding: payload, as: UTF8.self) }
}
