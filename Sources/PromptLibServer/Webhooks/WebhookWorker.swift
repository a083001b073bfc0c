import Foundation
import Logging
import PromptLibStorage
import ServiceLifecycle
import Synchronization

/// Sends queued deliveries for as long as the server runs, on every replica: each takes a
/// delivery by leasing it in the database, so only one replica sends it, and a replica that
/// stops mid-send leaves it to another once the lease lapses. One endpoint has at most one
/// delivery in flight and each attempt is bounded in time, so a slow or failing endpoint holds
/// up only its own deliveries.
final class WebhookWorker: Service, Sendable {
    let webhooks: any WebhookRepository
    let sender: WebhookSender
    let cipher: CredentialCipher
    var policy: WebhookPolicy { sender.policy }
    private let logger: Logger
    private let inFlight = Mutex<Set<String>>([])
    private let woken = Mutex(false)

    init(webhooks: any WebhookRepository, sender: WebhookSender, cipher: CredentialCipher, logger: Logger) {
        self.webhooks = webhooks
        self.sender = sender
        self.cipher = cipher
        self.logger = logger
    }

    /// Looks at the queue now rather than at the next poll.
    func wake() { woken.withLock { $0 = true } }

    func run() async throws {
        var lastPrune = ContinuousClock.now - .seconds(3_600)
        // Graceful shutdown stops taking deliveries; attempts under way finish (each is bounded).
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                for delivery in await takeDue() {
                    group.addTask {
                        await self.attempt(delivery)
                        self.inFlight.withLock { _ = $0.remove(delivery.webhookID) }
                        self.wake()
                    }
                }
                if ContinuousClock.now - lastPrune > .seconds(3_600) {
                    lastPrune = .now
                    _ = try? await webhooks.prune(before: Date().addingTimeInterval(-Double(policy.retention.components.seconds)))
                }
                await pause()
            }
        }
    }

    /// Waits for the poll interval, or less when woken.
    private func pause() async {
        let until = ContinuousClock.now + policy.pollInterval
        while ContinuousClock.now < until, !Task.isCancelled, !Task.isShuttingDownGracefully {
            if woken.withLock({ flag in defer { flag = false }; return flag }) { return }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Leases the due deliveries this replica can send now: at most one per endpoint, and no more
    /// than ``WebhookPolicy/maxConcurrent`` in all.
    private func takeDue() async -> [WebhookDeliveryRecord] {
        let now = Date()
        guard let due = try? await webhooks.due(now: now, limit: 100) else { return [] }
        var taken: [WebhookDeliveryRecord] = []
        let until = now.addingTimeInterval(Double(policy.attemptLimit.components.seconds) + 5)
        for delivery in due {
            let room = inFlight.withLock { busy -> Bool in
                guard busy.count < policy.maxConcurrent, !busy.contains(delivery.webhookID) else { return false }
                busy.insert(delivery.webhookID)
                return true
            }
            guard room else { continue }
            if (try? await webhooks.claim(id: delivery.id, now: now, until: until)) == true {
                taken.append(delivery)
            } else {
                inFlight.withLock { _ = $0.remove(delivery.webhookID) }
            }
        }
        return taken
    }

    /// Sends a delivery once and records how it went: delivered, due again after a backoff, or
    /// given up — when a day has passed, or the webhook is gone or turned off. A database or key
    /// problem meanwhile is not the endpoint's fault: the delivery is simply tried again later.
    func attempt(_ delivery: WebhookDeliveryRecord) async {
        var next = delivery
        next.attempts += 1
        let outcome: WebhookSender.Outcome
        var giveUp = false
        do {
            guard let webhook = try await webhooks.find(id: delivery.webhookID), webhook.active else {
                giveUp = true
                throw Skipped(reason: "the webhook was turned off or deleted")
            }
            let secret: Data
            do {
                secret = try cipher.open(webhook.secret, context: WebhookSecret.context(webhook.id))
            } catch {
                throw Skipped(reason: "the webhook's secret cannot be opened with the configured keys")
            }
            let body = Data(delivery.payload.utf8)
            let signature = WebhookSignature.sign(body: body, secret: String(decoding: secret, as: UTF8.self), timestamp: Int(Date().timeIntervalSince1970))
            outcome = await sender.send(url: webhook.url, body: body, headers: [
                (WebhookSignature.header, signature), ("PromptLib-Event", delivery.eventType), ("PromptLib-Delivery", delivery.id),
            ])
        } catch let skipped as Skipped {
            outcome = .failed(status: nil, reason: skipped.reason)
        } catch {
            outcome = .failed(status: nil, reason: "the webhook could not be read; tried again later")
        }
        switch outcome {
        case .delivered(let status):
            (next.status, next.lastStatusCode, next.lastError, next.deliveredAt) = (.delivered, status, nil, Date())
        case .failed(let status, let reason):
            (next.lastStatusCode, next.lastError) = (status, reason)
            let retryAt = Date().addingTimeInterval(Double(policy.retryDelay(after: next.attempts).milliseconds) / 1000)
            let deadline = delivery.createdAt.addingTimeInterval(Double(policy.maxAge.milliseconds) / 1000)
            if giveUp || retryAt > deadline {
                next.status = .failed
                next.nextAttemptAt = Date()
            } else {
                next.nextAttemptAt = retryAt
            }
            logger.info("webhook delivery failed", metadata: ["delivery": .string(delivery.id), "webhook": .string(delivery.webhookID),
                                                             "attempt": .stringConvertible(next.attempts), "reason": .string(reason)])
        }
        do {
            if try await !webhooks.record(next, claimedAt: delivery.attempts) {
                logger.notice("a webhook delivery was recorded by another replica first", metadata: ["delivery": .string(delivery.id)])
            }
        } catch {
            logger.error("a webhook delivery's outcome could not be stored", metadata: ["delivery": .string(delivery.id)])
        }
    }

    private struct Skipped: Error {
        let reason: String
    }
}
