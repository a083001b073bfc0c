import Foundation
import ServiceLifecycle

/// Takes up jobs a stopped replica left: queued or analyzing, and not renewed for a minute (a
/// process working a job renews it every 15 s, ``JobLease``). Runs at start and then every half
/// minute; a job taken up three times without finishing fails.
struct EnhancementResumer: Service {
    let service: EnhancementService
    var interval: Duration = .seconds(30)
    var staleAfter: TimeInterval = 60

    func run() async throws {
        // Graceful shutdown cancels the loop; that is its normal end, not a failure of the service.
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await resumeOnce()
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// One pass over the abandoned jobs.
    func resumeOnce() async {
        let statuses = [EnhancementStatus.queued.rawValue, EnhancementStatus.analyzing.rawValue]
        guard let stale = try? await service.jobs.stale(statuses: statuses, before: Date().addingTimeInterval(-staleAfter), limit: 20) else { return }
        for var job in stale where !service.lease.holds(job.id) {
            if job.attempts >= 3 {
                let attempts = job.attempts
                job.status = EnhancementStatus.failed.rawValue
                job.error = "the enhancement was interrupted \(attempts) times"
                job.updatedAt = Date()
                _ = try? await service.jobs.update(job, expecting: statuses, attempts: attempts)
            } else {
                service.start(job.id)
            }
        }
    }
}
