import Foundation
import ServiceLifecycle

/// Runs the hub for as long as the server does: what the buses carry goes to it, and every
/// second lapsed presence is forgotten; every heartbeat, sessions are checked and this replica's
/// presence is repeated. The buses are subscribed when the service is made, so nothing published
/// while the server starts is missed.
struct RealtimeService: Service {
    let hub: RealtimeHub
    private let events: AsyncStream<PromptEvent>
    private let signals: AsyncStream<RealtimeSignal>

    init(hub: RealtimeHub, events: any EventBus<PromptEvent>) {
        self.hub = hub
        self.events = events.events()
        self.signals = hub.signals.events()
    }

    func run() async throws {
        let (hub, events, signals) = (hub, events, signals)
        await withDiscardingTaskGroup { group in
            group.addTask { for await event in events { await hub.deliver(event) } }
            group.addTask { for await signal in signals { await hub.receive(signal) } }
            group.addTask {
                var sinceBeat = Duration.zero
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    hub.expirePresence()
                    sinceBeat += .seconds(1)
                    if sinceBeat >= hub.limits.heartbeat {
                        sinceBeat = .zero
                        await hub.heartbeat()
                    }
                }
            }
            // Ends with the server: the WebSockets close themselves on graceful shutdown.
            try? await gracefulShutdown()
            group.cancelAll()
        }
    }
}
