import Foundation
import Logging
import PostgresNIO
public import SQLKit
import Synchronization

/// PostgreSQL with a streaming read replica (`DATABASE_READ_URL`).
///
/// The rule: ``read(_:)`` — lists, searches, fetches — goes to the replica, unless
/// ``ReadRouting/primaryOnly`` is set (the server sets it for writes and for a client that wrote
/// within ``window``), or the replica is unusable: unreachable, or lagging by ``window`` or more.
/// Writes, transactions and ``readCurrent(_:)`` always go to the primary. A read the replica fails
/// is answered by the primary, so the replica's outage costs no request.
///
/// A monitor asks the replica for its lag every ``probeInterval``, and takes it back into use once
/// it answers again within the window.
public final class ReplicatedStore: SQLStore, PreparingStore {
    public let primary: any SQLStore
    public let replica: any SQLStore
    /// How long a client's reads stay on the primary after it wrote; also the most lag the
    /// replica may have and still be read.
    public let window: Duration
    let probeInterval: Duration
    private let state: Mutex<ReplicaState>
    private let logger: Logger
    private let monitor: Mutex<Task<Void, Never>?> = Mutex(nil)

    /// The replica as last seen.
    public struct ReplicaState: Sendable, Equatable {
        /// Whether reads go to it now.
        public var usable: Bool
        /// Why they do not, when they do not.
        public var problem: String?
        /// Its replay lag at the last probe, in seconds; nil before the first answer.
        public var lagSeconds: Double?
        /// The moment it is known to have replayed everything the primary had then. The replica is
        /// read only while that is less than the window ago, so the verdict of a probe runs out by
        /// itself if the next probe is late.
        public var currentThrough: ContinuousClock.Instant?
    }

    /// Routes between `primary` and `replica`, and starts the monitor.
    public init(primary: any SQLStore, replica: any SQLStore, window: Duration = .seconds(5), probeInterval: Duration = .seconds(1), logger: Logger) {
        self.primary = primary
        self.replica = replica
        self.window = window
        self.probeInterval = probeInterval
        self.logger = logger
        // Unused until the first probe finds it answering and caught up.
        state = Mutex(ReplicaState(usable: false, problem: "not probed yet", lagSeconds: nil, currentThrough: nil))
        // Holds the store only while probing, so a store dropped without close() ends its monitor.
        let task = Task { [weak self] in
            var history: [(at: ContinuousClock.Instant, position: UInt64)] = []
            while !Task.isCancelled {
                guard await self?.probe(&history) != nil else { return }
                try? await Task.sleep(for: probeInterval)
            }
        }
        monitor.withLock { $0 = task }
    }

    public var engine: DatabaseEngine { primary.engine }

    /// The replica as the monitor and the reads last found it.
    public var replicaState: ReplicaState { state.withLock { $0 } }

    public func read<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await routed { try await $0.read(body) }
    }

    func readPrepared<R: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> R) async throws -> R? {
        try await routed { store in try await (store as? any PreparingStore)?.readPrepared(body) ?? nil }
    }

    /// Runs a read on the replica when it may serve it, else (or when it fails) on the primary.
    private func routed<R>(_ read: (any SQLStore) async throws -> R) async throws -> R {
        guard !ReadRouting.primaryOnly, isCurrentEnough() else { return try await read(primary) }
        do {
            return try await read(replica)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            // The primary answers instead: an unreachable replica is set aside until the monitor
            // finds it again; any other failure (a query cancelled by replay, a schema the replica
            // has not received yet, one slow query) is retried there once. A time-out alone does
            // not set the replica aside — the monitor does if the replica itself stopped answering.
            if let failure = error as? StorageError, case .unavailable = failure, !failure.isTimeout {
                setAside("replica did not answer", detail: error)
            } else {
                logger.info("a read the replica failed goes to the primary", metadata: ["error": "\(error)"])
            }
            return try await read(primary)
        }
    }

    /// Whether reads may go to the replica now: in use, and known current less than the window ago.
    private func isCurrentEnough() -> Bool {
        let now = ContinuousClock.now
        return state.withLock { state in
            guard state.usable, let through = state.currentThrough else { return false }
            return now - through < window
        }
    }

    public func readCurrent<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await primary.read(body)
    }

    public func withDatabase<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await primary.withDatabase(body)
    }

    public func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await primary.transaction(body)
    }

    public func ping(timeout: Duration) async throws {
        try await primary.ping(timeout: timeout)
    }

    public func connectionProblem() async -> StorageError? {
        await primary.connectionProblem()
    }

    public func close() async {
        monitor.withLock { $0 }?.cancel()
        await replica.close()
        await primary.close()
    }

    /// Asks how far behind the replica is, and takes it into use or sets it aside.
    ///
    /// The lag is measured in WAL positions, not in the replica's own timestamps (which call an
    /// idle primary's last transaction "old"): each probe notes the primary's position and when it
    /// was noted; the replica is as current as the newest noted position it has replayed.
    func probe(_ history: inout [(at: ContinuousClock.Instant, position: UInt64)]) async {
        let now = ContinuousClock.now
        let position: UInt64?
        do {
            position = try await primary.withDatabase { db in
                try await db.raw("SELECT pg_current_wal_lsn()::text AS lsn").first()?.decode(column: "lsn", as: String.self)
            }.flatMap(Self.position)
        } catch {
            return setAside("primary did not say its WAL position", detail: error)
        }
        do {
            let (recovering, replayed) = try await replica.withDatabase { db in
                let row = try await db.raw("SELECT pg_is_in_recovery() AS recovering, pg_last_wal_replay_lsn()::text AS lsn").first()
                return (try row?.decode(column: "recovering", as: Bool.self) ?? false, try row?.decode(column: "lsn", as: String?.self).flatMap(Self.position))
            }
            guard let position else { return setAside("primary did not say its WAL position") }
            history.append((now, position))
            history.removeAll { now - $0.at > window * 2 }
            // A server out of recovery (a promoted standby, another database) no longer follows
            // the primary: what it answers may differ from it by any amount.
            guard recovering else { return setAside("the read replica is not a standby following the primary") }
            let lag: Duration?
            if (replayed ?? 0) >= position {
                lag = .zero
            } else if let replayed, let caughtUp = history.last(where: { $0.position <= replayed }) {
                lag = now - caughtUp.at
            } else {
                lag = nil
            }
            let seconds = lag.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }
            guard let lag, let seconds, lag < window else {
                setAside(seconds.map { String(format: "replica lags %.1f s behind the primary (more than the read-after-write window)", $0) }
                         ?? "replica lags further behind than the read-after-write window", lag: seconds)
                return
            }
            let restored = state.withLock { state -> Bool in
                defer { state = ReplicaState(usable: true, problem: nil, lagSeconds: seconds, currentThrough: now - lag) }
                return !state.usable
            }
            if restored { logger.notice("read replica in use", metadata: ["lag_seconds": "\(seconds)"]) }
        } catch {
            setAside("replica did not answer", detail: error)
        }
    }

    /// A WAL position (`16/B374D848`) as a number.
    static func position(_ text: String) -> UInt64? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let high = UInt32(parts[0], radix: 16), let low = UInt32(parts[1], radix: 16) else { return nil }
        return UInt64(high) << 32 | UInt64(low)
    }

    /// Sends reads to the primary until a probe finds the replica fit again; logs the change once.
    /// `problem` is shown by health, so it names no host or user; `detail` goes to the log only.
    private func setAside(_ problem: String, lag: Double? = nil, detail: (any Error)? = nil) {
        let wasUsable = state.withLock { state -> Bool in
            defer { state = ReplicaState(usable: false, problem: problem, lagSeconds: lag ?? state.lagSeconds, currentThrough: nil) }
            return state.usable
        }
        if wasUsable {
            logger.warning("read replica set aside; reads go to the primary", metadata: ["reason": "\(problem)", "detail": "\(detail.map { "\($0)" } ?? "")"])
        }
    }
}
