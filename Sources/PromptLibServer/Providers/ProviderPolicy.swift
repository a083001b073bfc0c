/// How patient the provider clients are: timeouts, retries and the circuit breaker. From
/// `PROVIDER_*` settings (docs/providers.md); the defaults suit the hosted APIs.
public struct ProviderPolicy: Sendable, Equatable {
    /// Time allowed to open a connection.
    public var connectTimeout: Duration = .seconds(10)
    /// Time allowed without a byte from the provider, for a whole answer or between streamed parts.
    public var readTimeout: Duration = .seconds(120)
    /// Retries after the first attempt, on 429, 5xx or a connection that could not be made.
    public var maxRetries = 2
    /// The first backoff; each retry doubles it, with full jitter, up to ``maxBackoff``.
    public var baseBackoff: Duration = .milliseconds(500)
    public var maxBackoff: Duration = .seconds(8)
    /// A `Retry-After` longer than this is not waited for: the call fails with it instead.
    public var maxRetryAfter: Duration = .seconds(20)
    /// Consecutive failures that open a connection's circuit breaker.
    public var breakerThreshold = 5
    /// How long an open breaker refuses calls before letting one trial through.
    public var breakerCooldown: Duration = .seconds(30)
    /// The largest answer read from a provider, whole or streamed.
    public var maxResponseBytes = 8 * 1_048_576
    /// The longest a stream may last, however steadily it trickles.
    public var maxStreamDuration: Duration = .seconds(30 * 60)

    /// The longest a whole (non-streamed) answer's body may take to arrive: the read timeout alone
    /// would let a provider that sends a byte a minute hold a call open for ever.
    public var maxCallDuration: Duration = .seconds(300)

    /// The defaults.
    public init() {}

    /// The wait before retry `attempt` (1-based): `Retry-After` when the provider gave one,
    /// else exponential backoff with full jitter so that replicas do not retry in step.
    func backoff(attempt: Int, retryAfter: Duration?) -> Duration {
        if let retryAfter { return retryAfter }
        let exponent = min(attempt - 1, 16)
        let ceiling = min(baseBackoff * (1 << exponent), maxBackoff)
        let milliseconds = max(1, ceiling.milliseconds)
        return .milliseconds(Int.random(in: (milliseconds / 2)...milliseconds))
    }
}

extension ProviderPolicy {
    /// Reads `PROVIDER_CONNECT_TIMEOUT_SECONDS`, `PROVIDER_READ_TIMEOUT_SECONDS`,
    /// `PROVIDER_MAX_RETRIES`, `PROVIDER_BREAKER_FAILURES` and `PROVIDER_BREAKER_COOLDOWN_SECONDS`.
    init(_ env: EnvironmentReader) throws(ConfigurationError) {
        connectTimeout = .seconds(try env.integer("PROVIDER_CONNECT_TIMEOUT_SECONDS", default: 10, in: 1...120))
        readTimeout = .seconds(try env.integer("PROVIDER_READ_TIMEOUT_SECONDS", default: 120, in: 1...1_800))
        maxRetries = try env.integer("PROVIDER_MAX_RETRIES", default: maxRetries, in: 0...10)
        breakerThreshold = try env.integer("PROVIDER_BREAKER_FAILURES", default: breakerThreshold, in: 1...1_000)
        breakerCooldown = .seconds(try env.integer("PROVIDER_BREAKER_COOLDOWN_SECONDS", default: 30, in: 1...3_600))
    }
}
