/// Bounds on what the parser accepts from a server, so a broken or hostile peer cannot make the
/// client buffer without end: a reply over a bound is a protocol error and the connection closes.
public struct RESPLimits: Sendable, Hashable {
    /// The longest bulk string, in bytes. Prompts are small; 16 MiB is far above any we cache.
    public var maxBulkLength: Int
    /// The most items in one array.
    public var maxArrayLength: Int
    /// How deeply arrays may nest.
    public var maxDepth: Int
    /// The longest simple string, error or integer line, in bytes.
    public var maxLineLength: Int
    /// The most bytes a connection buffers for replies not yet whole: bounds what the other
    /// limits allow together (many large items).
    public var maxBufferedBytes: Int

    /// Bounds for ordinary use.
    public static let standard = RESPLimits(maxBulkLength: 16 << 20, maxArrayLength: 1 << 16, maxDepth: 8, maxLineLength: 64 << 10, maxBufferedBytes: 64 << 20)

    /// Bounds of your own.
    public init(maxBulkLength: Int, maxArrayLength: Int, maxDepth: Int, maxLineLength: Int, maxBufferedBytes: Int = 64 << 20) {
        self.maxBulkLength = maxBulkLength
        self.maxArrayLength = maxArrayLength
        self.maxDepth = maxDepth
        self.maxLineLength = maxLineLength
        self.maxBufferedBytes = maxBufferedBytes
    }
}
