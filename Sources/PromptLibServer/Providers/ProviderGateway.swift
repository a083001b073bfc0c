import AsyncHTTPClient
import PromptLibCore

/// Calls models: picks the wire protocol for a render target and sends the rendered body through
/// the transport, whole or streamed.
struct ProviderGateway: Sendable {
    let transport: ProviderTransport

    init(policy: ProviderPolicy, metrics: ProviderMetrics = ProviderMetrics()) {
        transport = ProviderTransport(policy: policy, breakers: CircuitBreakers(policy: policy), metrics: metrics)
    }

    var breakers: CircuitBreakers { transport.breakers }
    var metrics: ProviderMetrics { transport.metrics }

    /// The wire protocol of a render target.
    static func wire(for target: RenderTarget) -> any ProviderWire {
        switch target {
        case .openai, .llama: OpenAIChatWire()
        case .openaiResponses: OpenAIResponsesWire()
        case .anthropic: AnthropicWire()
        case .gemini: GeminiWire()
        case .bedrock: BedrockWire()
        }
    }

    /// Sends `call` and reads the whole answer.
    func complete(_ call: ProviderCall, endpoint: ProviderEndpoint) async throws -> ProviderReply {
        let wire = Self.wire(for: call.target)
        do {
            let request = try wire.request(for: call, endpoint: endpoint, stream: false)
            let body = try await transport.send(request, wire: wire, endpoint: endpoint)
            return try wire.reply(from: body, call: call)
        } catch var error as ProviderError {
            // Some errors come inside a 200 (a Responses `error`): they are the provider's words too.
            error.message = ProviderError.scrubbed(error.message, secrets: endpoint.secrets)
            throw error
        }
    }

    /// Sends `call` and yields its text as the provider streams it, then the whole reply.
    func stream(_ call: ProviderCall, endpoint: ProviderEndpoint) -> AsyncThrowingStream<ProviderStreamChunk, any Error> {
        let wire = Self.wire(for: call.target)
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let request = try wire.request(for: call, endpoint: endpoint, stream: true)
                    let response = try await transport.open(request, wire: wire, endpoint: endpoint)
                    var framing = StreamDecoder(wire.streamFraming)
                    var progress = StreamProgress()
                    let policy = transport.policy
                    let started = ContinuousClock.now
                    var received = 0
                    do {
                        for try await buffer in response.body {
                            // Bounded in size and in time, however the provider trickles.
                            received += buffer.readableBytes
                            guard received <= policy.maxResponseBytes else {
                                throw ProviderError(kind: .malformed, message: "the stream is larger than \(policy.maxResponseBytes) bytes")
                            }
                            guard ContinuousClock.now - started <= policy.maxStreamDuration else {
                                throw ProviderError(kind: .timeout, message: "streamed for longer than \(ProviderTransport.seconds(policy.maxStreamDuration)) s")
                            }
                            for event in try framing.feed(buffer.readableBytesView) {
                                if let text = try wire.read(event, into: &progress) { continuation.yield(.text(text)) }
                            }
                        }
                        for event in try framing.finish() {
                            if let text = try wire.read(event, into: &progress) { continuation.yield(.text(text)) }
                        }
                    } catch let error as HTTPClientError where error == .readTimeout {
                        throw ProviderError(kind: .timeout, message: "stopped streaming for more than \(ProviderTransport.seconds(transport.policy.readTimeout)) s")
                    } catch is ServerSentEventParser.TooLong {
                        throw ProviderError(kind: .malformed, message: "the stream sent an event larger than \(ServerSentEventParser.maxEventBytes) bytes")
                    } catch let error as AWSEventStreamParser.Malformed {
                        throw ProviderError(kind: .malformed, message: "the event stream is broken: \(error.reason)")
                    } catch let error as ProviderError {
                        throw error
                    } catch is CancellationError {
                        throw CancellationError()
                    } catch {
                        // The connection broke mid-answer: a failure like any other, reported as one.
                        throw ProviderError(kind: .unreachable, message: "broke off the stream")
                    }
                    guard progress.finished else {
                        throw ProviderError(kind: .malformed, message: "the stream ended before the answer was complete")
                    }
                    continuation.yield(.done(progress.reply(fallbackModel: call.model)))
                    continuation.finish()
                } catch var error as ProviderError {
                    error.message = ProviderError.scrubbed(error.message, secrets: endpoint.secrets)
                    continuation.finish(throwing: error)
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

/// One framing's parser, chosen by the wire.
private struct StreamDecoder {
    private var events = ServerSentEventParser()
    private var aws = AWSEventStreamParser()
    private let framing: StreamFraming

    init(_ framing: StreamFraming) {
        self.framing = framing
    }

    mutating func feed(_ bytes: some Sequence<UInt8>) throws -> [ServerSentEvent] {
        switch framing {
        case .serverSentEvents: try events.feed(bytes)
        case .awsEventStream: try aws.feed(bytes)
        }
    }

    /// What the end of the stream completes; a binary message cut short is an error.
    mutating func finish() throws -> [ServerSentEvent] {
        switch framing {
        case .serverSentEvents: return events.finish().map { [$0] } ?? []
        case .awsEventStream:
            guard aws.pending == 0 else { throw AWSEventStreamParser.Malformed(reason: "the stream ended inside a message") }
            return []
        }
    }
}
