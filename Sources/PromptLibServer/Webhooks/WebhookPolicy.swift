/// How webhooks are sent: where they may go, how long an endpoint has to answer, and how long a
/// failing delivery is retried. From `WEBHOOK_*` settings (docs/webhooks.md).
public struct WebhookPolicy: Sendable, Equatable {
    /// Private, loopback and other special addresses are refused unless listed here.
    var addresses = OutboundAddressPolicy()
    /// Time allowed to connect to an endpoint.
    public var connectTimeout: Duration = .seconds(5)
    /// Time allowed for its answer.
    public var readTimeout: Duration = .seconds(10)
    /// The waits before each retry; the last repeats until ``maxAge``.
    public var retrySchedule: [Duration] = [.seconds(10), .seconds(30), .seconds(120), .seconds(300), .seconds(900), .seconds(1_800),
                                            .seconds(3_600), .seconds(7_200), .seconds(14_400)]
    /// How long a delivery is retried before it is given up.
    public var maxAge: Duration = .seconds(86_400)
    /// How often the queue is looked at for deliveries due (a write on this replica wakes it at once).
    public var pollInterval: Duration = .seconds(1)
    /// Deliveries sent at once by one replica; one endpoint never has more than one in flight.
    public var maxConcurrent = 16
    /// How long finished deliveries stay visible.
    public var retention: Duration = .seconds(7 * 86_400)

    /// The defaults: no private address allowed.
    public init() {}

    /// The wait after failed attempt `attempt` (1-based).
    func retryDelay(after attempt: Int) -> Duration {
        retrySchedule[min(max(attempt, 1), retrySchedule.count) - 1]
    }

    /// How long one attempt may take, all told, and so how long a claim on it lasts.
    var attemptLimit: Duration { connectTimeout + readTimeout + .seconds(5) }
}

extension WebhookPolicy {
    /// Reads `WEBHOOK_ALLOWED_HOSTS`, `WEBHOOK_CONNECT_TIMEOUT_SECONDS` and `WEBHOOK_TIMEOUT_SECONDS`.
    init(_ env: EnvironmentReader) throws(ConfigurationError) {
        addresses = try OutboundAddressPolicy(allowing: env.value("WEBHOOK_ALLOWED_HOSTS") ?? "")
        connectTimeout = .seconds(try env.integer("WEBHOOK_CONNECT_TIMEOUT_SECONDS", default: 5, in: 1...60))
        readTimeout = .seconds(try env.integer("WEBHOOK_TIMEOUT_SECONDS", default: 10, in: 1...120))
    }

    /// Allows the comma-separated hosts, addresses or ranges of `list` (as `WEBHOOK_ALLOWED_HOSTS`).
    public mutating func allow(_ list: String) throws(ConfigurationError) {
        addresses = try OutboundAddressPolicy(allowing: list)
    }
}
