import Foundation
import PromptLibStorage

/// Average, count and histogram of 1–5 scores.
struct RatingSummary: Encodable, Sendable, Equatable {
    let average: Double?
    let count: Int
    /// Scores 1 to 5 → how many.
    let histogram: [String: Int]

    init(_ scores: [Int]) {
        count = scores.count
        average = scores.isEmpty ? nil : (Double(scores.reduce(0, +)) / Double(scores.count) * 100).rounded() / 100
        histogram = Dictionary(uniqueKeysWithValues: (1...5).map { score in (String(score), scores.filter { $0 == score }.count) })
    }
}

/// How a prompt's runs went: counts, success rate, latency percentiles and tokens.
struct RunSummary: Encodable, Sendable {
    let count: Int
    let successRate: Double?
    let averageLatencyMs: Double?
    let p50LatencyMs: Int?
    let p95LatencyMs: Int?
    let inputTokens: Int
    let outputTokens: Int

    enum CodingKeys: String, CodingKey {
        case count, successRate = "success_rate", averageLatencyMs = "avg_latency_ms", p50LatencyMs = "p50_latency_ms"
        case p95LatencyMs = "p95_latency_ms", inputTokens = "input_tokens", outputTokens = "output_tokens"
    }

    init(_ runs: [RunRecord]) {
        count = runs.count
        successRate = runs.isEmpty ? nil : Double(runs.filter(\.success).count) / Double(runs.count)
        let latencies = runs.compactMap(\.latencyMs).sorted()
        averageLatencyMs = latencies.isEmpty ? nil : latencies.reduce(0.0) { $0 + Double($1) } / Double(latencies.count)
        // Nearest-rank percentiles: always a latency that was actually observed.
        func percentile(_ p: Double) -> Int? {
            latencies.isEmpty ? nil : latencies[max(0, Int((p * Double(latencies.count)).rounded(.up)) - 1)]
        }
        p50LatencyMs = percentile(0.5)
        p95LatencyMs = percentile(0.95)
        inputTokens = Self.saturatingSum(runs.compactMap(\.inputTokens))
        outputTokens = Self.saturatingSum(runs.compactMap(\.outputTokens))
    }

    /// Rows written before values were bounded may hold anything: a sum never traps, it stops at `Int.max`.
    static func saturatingSum(_ values: [Int]) -> Int {
        values.reduce(0) { sum, value in
            let (result, overflow) = sum.addingReportingOverflow(value)
            return overflow ? (value < 0 ? Int.min : Int.max) : result
        }
    }
}
