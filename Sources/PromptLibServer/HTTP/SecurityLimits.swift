/// Login lockout and API rate limits, from the environment.
public struct SecurityLimits: Sendable {
    /// Failed password logins for one account that lock it.
    public var accountFailures = 5
    /// The window in which those failures count, and how long the lock lasts.
    public var accountWindow: Duration = .seconds(15 * 60)
    /// Failed logins from one IP address (any account) allowed per `accountWindow`.
    public var ipFailures = 20
    /// API requests per minute for one signed-in user.
    public var requestsPerUserPerMinute = 1_200
    /// API requests per minute from one IP address.
    public var requestsPerIPPerMinute = 2_400
    /// Reads per minute by one API key (fetching and rendering prompts): applications fetch
    /// `name@production` at run time, far more often than a person clicks, so they do not share the
    /// per-user limit meant for people. 600,000/min is 10,000 a second.
    public var apiKeyReadsPerMinute = 600_000

    /// The defaults.
    public init() {}

    init(_ env: EnvironmentReader) throws(ConfigurationError) {
        accountFailures = try env.integer("LOGIN_FAILURES_PER_ACCOUNT", default: accountFailures, in: 1...1_000)
        accountWindow = .seconds(try env.integer("LOGIN_LOCKOUT_SECONDS", default: 15 * 60, in: 1...86_400))
        ipFailures = try env.integer("LOGIN_FAILURES_PER_IP", default: ipFailures, in: 1...100_000)
        requestsPerUserPerMinute = try env.integer("RATE_LIMIT_PER_USER", default: requestsPerUserPerMinute, in: 1...1_000_000)
        requestsPerIPPerMinute = try env.integer("RATE_LIMIT_PER_IP", default: requestsPerIPPerMinute, in: 1...1_000_000)
        apiKeyReadsPerMinute = try env.integer("RATE_LIMIT_API_KEY_READS", default: apiKeyReadsPerMinute, in: 1...100_000_000)
    }
}
