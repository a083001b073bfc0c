extension Duration {
    /// Whole milliseconds, rounded down (a latency, a timeout).
    var milliseconds: Int {
        Int(components.seconds) * 1000 + Int(components.attoseconds / 1_000_000_000_000_000)
    }

    /// Whole milliseconds, at least 1: what Redis takes for `PX`, `PEXPIRE` and the scripts' windows
    /// (a zero there would mean "expire at once" or be refused).
    var redisMilliseconds: Int { max(1, milliseconds) }
}
