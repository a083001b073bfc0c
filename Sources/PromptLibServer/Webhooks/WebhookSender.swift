import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

/// Sends one signed delivery. The host name is resolved here, every address it gives is checked
/// against the ``OutboundAddressPolicy``, and the connection is pinned to an address that passed
/// (through AsyncHTTPClient's `dnsOverride`, which still verifies TLS for the name): a name that
/// resolves to a public address when checked and a private one a moment later (DNS rebinding)
/// reaches only the address that was checked. Redirects are not followed.
struct WebhookSender: Sendable {
    enum Outcome: Equatable, Sendable {
        case delivered(status: Int)
        /// The endpoint's status when it answered, and why the attempt failed, in a few words.
        case failed(status: Int?, reason: String)
    }

    let policy: WebhookPolicy
    var resolver = HostResolver()
    var logger = Logger(label: "promptlib.webhooks")

    func send(url text: String, body: Data, headers: [(String, String)]) async -> Outcome {
        // One deadline over the whole attempt — resolving, connecting, the answer's head and its
        // body — so an endpoint that trickles cannot hold a delivery (or its lease) for long.
        do {
            return try await withTimeLimit(policy.attemptLimit, timeout: { HTTPClientError.deadlineExceeded }) {
                await attempt(url: text, body: body, headers: headers)
            }
        } catch {
            return .failed(status: nil, reason: "the endpoint did not answer in time")
        }
    }

    private func attempt(url text: String, body: Data, headers: [(String, String)]) async -> Outcome {
        // The host checked must be the host AsyncHTTPClient connects to: both parsers must agree.
        guard let url = URLComponents(string: text), let host = url.host, !host.isEmpty, URL(string: text)?.host == host else {
            return .failed(status: nil, reason: "the URL cannot be read")
        }
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(policy.connectTimeout.milliseconds)), read: .milliseconds(Int64(policy.readTimeout.milliseconds))),
            decompression: .disabled
        )
        switch await pin(host) {
        case .refused(let reason):
            // The reason (which may name an internal address) goes to the log, not to the
            // webhook's owner: deliveries must not map the internal network for them.
            logger.info("webhook delivery refused", metadata: ["reason": .string(reason)])
            return .failed(status: nil, reason: "refused: the host is not reachable for webhooks (a private or special address, or no address); see WEBHOOK_ALLOWED_HOSTS")
        case .asIs: break
        case .pinned(let address): configuration.dnsOverride = [host: address.description]
        }
        // A client per delivery: its only connection goes to the address pinned above.
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        defer { Task { try? await client.shutdown() } }
        var request = HTTPClientRequest(url: text)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "PromptLib-Webhooks/\(PromptLibVersion.current)")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(policy.attemptLimit.milliseconds)))
            // What the endpoint says is not kept (it could be anything); only how it ended.
            _ = try? await response.body.collect(upTo: 65_536)
            let status = Int(response.status.code)
            if (200..<300).contains(status) { return .delivered(status: status) }
            return .failed(status: status, reason: (300..<400).contains(status) ? "redirects are not followed" : "the endpoint answered \(status)")
        } catch {
            return .failed(status: nil, reason: Self.reason(error))
        }
    }

    enum Pin: Equatable {
        case asIs
        case pinned(IPAddress)
        case refused(String)
    }

    /// Where a connection to `host` may go: an address literal is checked as it is; a name the
    /// operator allowed is used as it is; any other name is resolved and pinned to its first
    /// address the policy allows.
    func pin(_ host: String) async -> Pin {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if let literal = IPAddress(bare) {
            return policy.addresses.refusal(literal).map(Pin.refused) ?? .asIs
        }
        if policy.addresses.allowsName(bare) { return .asIs }
        let addresses: [IPAddress]
        do {
            addresses = try await abandonAfter(policy.connectTimeout, timeout: { HostResolver.Failed(reason: "resolving the host name timed out") }) {
                try await resolver.resolve(bare)
            }
        } catch let error as HostResolver.Failed {
            return .refused(error.reason)
        } catch {
            return .refused("the host name could not be resolved")
        }
        if let allowed = addresses.first(where: { policy.addresses.refusal($0) == nil }) { return .pinned(allowed) }
        return .refused(addresses.first.flatMap(policy.addresses.refusal) ?? "the host name resolves to no address")
    }

    /// A short reason for a failed attempt, naming no URL (a URL may carry a token).
    static func reason(_ error: any Error) -> String {
        switch error {
        case let error as HTTPClientError where error == .connectTimeout: "connecting timed out"
        case let error as HTTPClientError where error == .readTimeout || error == .deadlineExceeded: "the endpoint did not answer in time"
        case let error as HTTPClientError where error == .remoteConnectionClosed: "the endpoint closed the connection"
        case is NIOConnectionError, is ChannelError: "the connection could not be made"
        default: "the request failed (\(String(describing: type(of: error))))"
        }
    }
}
