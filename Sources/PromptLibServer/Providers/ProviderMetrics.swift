import Metrics

/// Counters of provider calls, runs and enhancements, and the breakers open per provider,
/// through swift-metrics: whichever backend the process bootstraps (Prometheus, in production)
/// exports them.
enum ProviderMetrics {
    /// One HTTP call to a provider, by how it ended (`success`, `rejected`, `unavailable`,
    /// `unreachable`, `timeout`, `malformed`, `circuit_open`) — retries count once each.
    static func call(provider: String, outcome: String) {
        Counter(label: "promptlib_provider_requests_total", dimensions: [("provider", provider), ("outcome", outcome)]).increment()
    }

    /// A prompt run through `POST …/run`.
    static func run(provider: String, success: Bool) {
        Counter(label: "promptlib_prompt_runs_total", dimensions: [("provider", provider), ("outcome", success ? "success" : "failure")]).increment()
    }

    /// An enhancement job that reached an end state (`ready`, `awaiting_answers`, `failed`).
    static func enhancement(engine: String, provider: String, outcome: String) {
        Counter(label: "promptlib_enhancements_total", dimensions: [("engine", engine), ("provider", provider), ("outcome", outcome)]).increment()
    }

    /// The number of this replica's connections to `provider` whose breaker is not closed.
    static func breakers(provider: String, open: Int) {
        Gauge(label: "promptlib_provider_breakers_open", dimensions: [("provider", provider)]).record(open)
    }
}
