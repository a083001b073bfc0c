import Foundation
import PromptLibStorage

/// Checks the dependencies the server needs and summarises them as healthy, degraded or unhealthy.
struct HealthService: Sendable {
    /// Below this much free space in `STORAGE_DIR` the server still works but reports `degraded`.
    static let lowDiskBytes: Int64 = 100 * 1_048_576

    let store: any SQLStore
    let storageDirectory: String
    let startedAt: ContinuousClock.Instant
    let databaseTimeout: Duration
    let cache: any PromptCache
    /// `in-process` or `redis`.
    let cacheBackend: String
    /// This replica's circuit breakers of provider connections.
    let breakers: CircuitBreakers

    func report() async -> HealthReport {
        let database = await databaseCheck()
        let storage = storageCheck()
        let problem = await cache.problem()
        let cacheCheck = HealthReport.CacheCheck(status: problem == nil ? .healthy : .degraded, backend: cacheBackend, error: problem)
        let replica = (store as? ReplicatedStore).map { HealthReport.ReplicaCheck($0.replicaState) }
        let status: HealthReport.Status
        if database.status == .unhealthy {
            status = .unhealthy
        } else if database.status == .degraded || storage.status != .healthy || cacheCheck.status != .healthy || replica.map({ $0.status != .healthy }) == true {
            status = .degraded
        } else {
            status = .healthy
        }
        let uptime = ContinuousClock.now - startedAt
        return HealthReport(
            status: status, version: PromptLibVersion.current, uptimeSeconds: Int(uptime.components.seconds),
            checks: .init(database: database, storage: storage, cache: cacheCheck, readReplica: replica, providers: .init(openBreakers: breakers.openCounts()))
        )
    }

    private func databaseCheck() async -> HealthReport.DatabaseCheck {
        let start = ContinuousClock.now
        do {
            try await store.ping(timeout: databaseTimeout)
            let elapsed = ContinuousClock.now - start
            let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1_000
            return .init(status: .healthy, engine: store.engine.rawValue, latencyMs: (ms * 100).rounded() / 100, error: nil)
        } catch {
            // The reason is generic on purpose: connection errors can carry host names and users.
            return .init(status: .unhealthy, engine: store.engine.rawValue, latencyMs: nil, error: "database did not answer")
        }
    }

    private func storageCheck() -> HealthReport.StorageCheck {
        let attributes = try? FileManager.default.attributesOfFileSystem(forPath: storageDirectory)
        guard let free = (attributes?[.systemFreeSize] as? NSNumber)?.int64Value else {
            return .init(status: .degraded, freeBytes: nil)
        }
        return .init(status: free < Self.lowDiskBytes ? .degraded : .healthy, freeBytes: free)
    }
}

/// The body of `GET /api/system/health`.
struct HealthReport: Codable, Sendable {
    enum Status: String, Codable, Sendable { case healthy, degraded, unhealthy }

    struct DatabaseCheck: Codable, Sendable {
        let status: Status
        let engine: String
        let latencyMs: Double?
        let error: String?
        enum CodingKeys: String, CodingKey { case status, engine, latencyMs = "latency_ms", error }
    }

    struct StorageCheck: Codable, Sendable {
        let status: Status
        let freeBytes: Int64?
        enum CodingKeys: String, CodingKey { case status, freeBytes = "free_bytes" }
    }

    /// The prompt cache: degraded (the database answers every read) while Redis is away.
    struct CacheCheck: Codable, Sendable {
        let status: Status
        let backend: String
        let error: String?
    }

    /// The read replica (`DATABASE_READ_URL`), when there is one: degraded while it is set aside
    /// (unreachable, or lagging by the read-after-write window or more) and the primary answers
    /// every read. The reason names no host or user.
    struct ReplicaCheck: Codable, Sendable {
        let status: Status
        let lagSeconds: Double?
        let error: String?
        enum CodingKeys: String, CodingKey { case status, lagSeconds = "lag_seconds", error }

        init(_ state: ReplicatedStore.ReplicaState) {
            status = state.usable ? .healthy : .degraded
            lagSeconds = state.lagSeconds.map { ($0 * 1000).rounded() / 1000 }
            error = state.problem
        }
    }

    /// Model providers, as this replica's circuit breakers see them: degraded while any is open.
    /// It does not change the server's own status — one user's provider being down is not the
    /// server being unwell — but it is what an operator looks at when runs fail.
    struct ProvidersCheck: Codable, Sendable {
        let status: Status
        /// Connections whose breaker is open or half-open, per provider.
        let openBreakers: [String: Int]
        enum CodingKeys: String, CodingKey { case status, openBreakers = "open_breakers" }

        init(openBreakers: [String: Int]) {
            self.openBreakers = openBreakers
            status = openBreakers.values.contains { $0 > 0 } ? .degraded : .healthy
        }
    }

    struct Checks: Codable, Sendable {
        let database: DatabaseCheck
        let storage: StorageCheck
        let cache: CacheCheck
        /// Absent without `DATABASE_READ_URL`.
        let readReplica: ReplicaCheck?
        let providers: ProvidersCheck
        enum CodingKeys: String, CodingKey { case database, storage, cache, providers, readReplica = "read_replica" }
    }

    let status: Status
    let version: String
    let uptimeSeconds: Int
    let checks: Checks

    enum CodingKeys: String, CodingKey { case status, version, uptimeSeconds = "uptime_seconds", checks }
}
