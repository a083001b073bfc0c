import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import PromptLibCore

/// Sends provider requests: the timeouts, the retries with jittered backoff (honouring
/// `Retry-After`), the per-connection circuit breaker, and errors in the provider's own words with
/// the credentials scrubbed out.
struct ProviderTransport: Sendable {
    let policy: ProviderPolicy
    let breakers: CircuitBreakers
    let metrics: ProviderMetrics

    /// A non-streamed call: the parsed JSON body of a `2xx`.
    func send(_ request: WireRequest, wire: any ProviderWire, endpoint: ProviderEndpoint) async throws -> JSONValue {
        let policy = self.policy
        return try await exchange(request, wire: wire, endpoint: endpoint, deadline: .now() + timeAmount(policy.connectTimeout + policy.readTimeout)) { response in
            let buffer: ByteBuffer
            do {
                buffer = try await withTimeLimit(policy.maxCallDuration, timeout: {
                    ProviderError(kind: .timeout, message: "did not finish its answer within \(Self.seconds(policy.maxCallDuration)) s")
                }) {
                    try await response.body.collect(upTo: policy.maxResponseBytes)
                }
            } catch is NIOTooManyBytesError {
                throw ProviderError(kind: .malformed, message: "the answer is larger than \(policy.maxResponseBytes) bytes")
            } catch let error as HTTPClientError where error == .readTimeout {
                throw ProviderError(kind: .timeout, message: "stopped answering for more than \(Self.seconds(policy.readTimeout)) s")
            }
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: buffer)) else {
                throw ProviderError(kind: .malformed, message: "the answer is not JSON")
            }
            return value
        }
    }

    /// A streamed call: the response once the provider has answered `2xx`, its body still to read.
    /// Retries happen only before that; a stream that breaks later fails as it is.
    func open(_ request: WireRequest, wire: any ProviderWire, endpoint: ProviderEndpoint) async throws -> HTTPClientResponse {
        try await exchange(request, wire: wire, endpoint: endpoint, deadline: .now() + timeAmount(policy.maxStreamDuration)) { $0 }
    }

    private func exchange<T: Sendable>(_ wireRequest: WireRequest, wire: any ProviderWire, endpoint: ProviderEndpoint, deadline: NIODeadline,
                                       deliver: (HTTPClientResponse) async throws -> T) async throws -> T {
        let provider = endpoint.kind.rawValue
        let breaker = breakers.breaker(for: endpoint.connectionID, provider: provider)
        var attempt = 0
        var lastFailure: ProviderError?
        while true {
            attempt += 1
            let trial: Bool
            switch breaker.admit() {
            case .allowed(let isTrial):
                trial = isTrial
            case .refused(let wait):
                metrics.call(provider: provider, outcome: "circuit_open")
                // Opened by this call's own attempts: what the caller needs is why they failed.
                if let lastFailure { throw lastFailure }
                throw ProviderError(kind: .circuitOpen, message: "calls are paused after repeated failures; the next try is allowed in \(Self.seconds(wait)) s",
                                    retryAfter: Self.seconds(wait))
            }
            var request = HTTPClientRequest(url: wireRequest.url)
            request.method = .POST
            for (name, value) in wireRequest.headers { request.headers.add(name: name, value: value) }
            request.body = .bytes(ByteBuffer(data: wireRequest.body))
            let failure: ProviderError
            var retryAfter: Duration?
            // Only what certainly never reached the provider is retried besides 429 and 5xx.
            var neverSent = false
            do {
                let response = try await ProviderHTTPClients.client(for: policy).execute(request, deadline: deadline)
                let status = Int(response.status.code)
                if (200..<300).contains(status) {
                    do {
                        let result = try await deliver(response)
                        finish(breaker, trial: trial, provider: provider, outcome: "success", success: true)
                        return result
                    } catch let error as ProviderError {
                        failure = error
                    }
                } else {
                    retryAfter = Self.retryAfter(response.headers)
                    let body = try? await response.body.collect(upTo: 65_536)
                    let json = body.flatMap { try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: $0)) }
                    let said = json.flatMap(wire.errorMessage(from:)) ?? "answered HTTP \(status)"
                    let retryable = status == 429 || status == 408 || status >= 500
                    failure = ProviderError(kind: retryable ? .unavailable : .rejected, message: ProviderError.scrubbed(said, secrets: endpoint.secrets),
                                            status: status, retryAfter: retryAfter.map(Self.seconds))
                }
            } catch let error as HTTPClientError where [.readTimeout, .deadlineExceeded].contains(error) {
                failure = ProviderError(kind: .timeout, message: "did not answer within \(Self.seconds(policy.readTimeout)) s")
            } catch is CancellationError {
                breaker.release(trial: trial)
                throw CancellationError()
            } catch let error as HTTPClientError where error == .connectTimeout {
                failure = ProviderError(kind: .unreachable, message: "could not connect within \(Self.seconds(policy.connectTimeout)) s")
                neverSent = true
            } catch {
                // Connection refused, DNS, TLS, a connection that broke: the reason is generic
                // because it names hosts.
                failure = ProviderError(kind: .unreachable, message: Self.neverSent(error) ? "could not be reached" : "broke off the connection")
                neverSent = Self.neverSent(error)
            }
            // A provider that refuses a request is up: only outages count against the breaker.
            finish(breaker, trial: trial, provider: provider, outcome: failure.kind.metricName, success: failure.kind == .rejected)
            // Retried: 429, 5xx and connections that were never made. A timeout, or a connection
            // that broke after the request went out, is not: the provider may be working on (and
            // billing) the request.
            let retryable = failure.kind == .unavailable || (failure.kind == .unreachable && neverSent)
            guard retryable, attempt <= policy.maxRetries, !Task.isCancelled else { throw failure }
            lastFailure = failure
            if let retryAfter, retryAfter > policy.maxRetryAfter { throw failure }
            try await Task.sleep(for: policy.backoff(attempt: attempt, retryAfter: retryAfter))
        }
    }

    private func finish(_ breaker: CircuitBreaker, trial: Bool, provider: String, outcome: String, success: Bool) {
        let before = breaker.state().state
        let after = breaker.record(success: success, trial: trial)
        metrics.call(provider: provider, outcome: outcome)
        // Counting the open breakers walks every connection: only when this one changed state.
        if after != before { metrics.breakers(provider: provider, open: breakers.openCounts()[provider] ?? 0) }
    }

    /// `Retry-After` in seconds or as an HTTP date, or OpenAI's `retry-after-ms`.
    static func retryAfter(_ headers: HTTPHeaders) -> Duration? {
        if let text = headers.first(name: "retry-after-ms"), let ms = Double(text), ms.isFinite, ms >= 0 {
            return .milliseconds(Int(min(ms, 86_400_000)))
        }
        guard let text = headers.first(name: "retry-after")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(text), seconds.isFinite, seconds >= 0 { return .milliseconds(Int(min(seconds, 86_400) * 1000)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: text) else { return nil }
        return .milliseconds(Int(max(0, min(date.timeIntervalSinceNow, 86_400)) * 1000))
    }

    /// Whether `error` happened before the request could have reached the provider: no address,
    /// no connection, no TLS session.
    static func neverSent(_ error: any Error) -> Bool {
        if let error = error as? HTTPClientError {
            return [.connectTimeout, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout, .socksHandshakeTimeout, .httpProxyHandshakeTimeout].contains(error)
        }
        if error is NIOConnectionError || error is SocketAddressError { return true }
        if let error = error as? IOError { return [ECONNREFUSED, EHOSTUNREACH, ENETUNREACH, EADDRNOTAVAIL].contains(error.errnoCode) }
        return false
    }

    /// Whole seconds, rounded up, at least 1.
    static func seconds(_ duration: Duration) -> Int {
        max(1, (duration.milliseconds + 999) / 1000)
    }

    private func timeAmount(_ duration: Duration) -> TimeAmount {
        .milliseconds(Int64(duration.milliseconds))
    }
}

extension ProviderError.Kind {
    /// The `outcome` label of the call counter.
    var metricName: String {
        self == .circuitOpen ? "circuit_open" : rawValue
    }
}
