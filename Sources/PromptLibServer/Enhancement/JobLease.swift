import Foundation
import PromptLibStorage
import Synchronization

/// The jobs this process is working, with a heartbeat that keeps each one's `updated_at` fresh:
/// a job is abandoned (and taken up by the resumer) only when no process renews it, however long
/// its provider call takes.
final class JobLease: Sendable {
    /// How often a worked job's lease is renewed; the resumer waits for several missed renewals.
    static let renewal: Duration = .seconds(15)

    private let working = Mutex<Set<String>>([])

    /// Whether this process is working `id`.
    func holds(_ id: String) -> Bool {
        working.withLock { $0.contains(id) }
    }

    /// Runs `work` on job `id` (claimed with `attempts`), renewing its lease until `work` ends.
    /// Answers `nil` without running `work` when this process is working the job already.
    func hold<T: Sendable>(_ id: String, attempts: Int, in jobs: any EnhancementRepository,
                           _ work: @Sendable () async -> T) async -> T? {
        guard working.withLock({ $0.insert(id).inserted }) else { return nil }
        defer { _ = working.withLock { $0.remove(id) } }
        let heartbeat = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.renewal)
                if Task.isCancelled { break }
                _ = try? await jobs.touch(id: id, attempts: attempts, at: Date())
            }
        }
        defer { heartbeat.cancel() }
        return await work()
    }
}
