import Metrics

/// Counters of provider calls, runs and enhancements, and the breakers open per provider, through
/// swift-metrics: whichever backend the process bootstraps (Prometheus, in production) exports
/// them. The factory is injectable so that tests can read them without a global backend.
struct ProviderMetrics: Sendable {
    let factory: any MetricsFactory

    init(factory: any MetricsFactory = MetricsSystem.factory) {
        self.factory = factory
    }

    /// One HTTP call to a provider, by how it ended (`success`, `rejected`, `unavailable`,
    /// `unreachable`, `timeout`, `malformed`, `circuit_open`) — retries count once each.
    func call(provider: String, outcome: String) {
        Counter(label: "promptlib_provider_requests_total", dimensions: [("provider", provider), ("outcome", outcome)], factory: factory).increment()
    }

    /// A prompt run through `POST …/run`.
    func run(provider: String, success: Bool) {
        Counter(label: "promptlib_prompt_runs_total", dimensions: [("provider", provider), ("outcome", success ? "success" : "failure")],
                factory: factory).increment()
    }

    /// An enhancement job that reached an end state (`ready`, `awaiting_answers`, `failed`).
    func enhancement(engine: String, provider: String, outcome: String) {
        Counter(label: "promptlib_enhancements_total", dimensions: [("engine", engine), ("provider", provider), ("outcome", outcome)],
                factory: factory).increment()
    }

    /// The number of this replica's connections to `provider` whose breaker is not closed.
    func breakers(provider: String, open: Int) {
        Gauge(label: "promptlib_provider_breakers_open", dimensions: [("provider", provider)], factory: factory).record(open)
    }
}
