import Foundation
import HTTPTypes
import Hummingbird
import PromptLibCore

/// `POST /api/v1/prompts/{id}/run`: a prompt sent to a model through one of the caller's
/// connections; `?stream=true` answers with Server-Sent Events as the model writes.
struct PromptRunController {
    let service: PromptRunService

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post(":id/run", use: run)
    }

    @Sendable func run(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = try await request.decodeJSON(as: PromptRunService.Input.self, context: context)
        let prepared = try await service.prepare(promptID: try context.parameters.require("id"), input, context: context)
        guard let flag = request.uri.queryParameters["stream"], flag == "true" || flag == "1" else {
            let output = try await service.run(prepared)
            return try output.response(from: request, context: context)
        }
        return try await stream(prepared, requestID: context.requestID)
    }

    /// Waits for the model's first part before answering, so that a provider that is down or
    /// refuses the call gets an ordinary error status rather than a `200` stream that only fails.
    private func stream(_ prepared: PromptRunService.Prepared, requestID: String) async throws -> Response {
        let box = ChunkSource(service.gateway.stream(prepared.call, endpoint: prepared.endpoint))
        let first: ProviderStreamChunk?
        do {
            first = try await box.next()
        } catch let error as ProviderError {
            throw await service.fail(prepared, error)
        }
        let service = self.service
        let body = ResponseBody { writer in
            var chunk = first
            while let current = chunk {
                switch current {
                case .text(let text):
                    try await writer.write(Self.event("delta", DeltaEvent(text: text)))
                case .done(let reply):
                    let output = await service.finish(prepared, reply: reply)
                    try await writer.write(Self.event("done", output))
                }
                do {
                    chunk = try await box.next()
                } catch {
                    // The gateway reports every failure as a ProviderError; anything else (a
                    // cancellation as the client went away) still ends the run as failed.
                    let providerError = error as? ProviderError ?? ProviderError(kind: .unreachable, message: "the stream stopped")
                    let failure = await service.fail(prepared, providerError)
                    try await writer.write(Self.event("error", ErrorEnvelope(failure, requestID: requestID)))
                    chunk = nil
                }
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache",
                                               HTTPField.Name("X-Accel-Buffering")!: "no"], body: body)
    }

    private struct DeltaEvent: Encodable { let text: String }

    /// One Server-Sent Event: a name and one line of JSON (JSON never holds a raw newline).
    static func event(_ name: String, _ value: some Encodable) throws -> ByteBuffer {
        let json = try JSONEncoder().encode(value)
        return ByteBuffer(string: "event: \(name)\ndata: \(String(decoding: json, as: UTF8.self))\n\n")
    }
}

/// The iterator of one provider stream, read by one reader at a time: first by the handler, then by
/// the response body it hands over to (hence unchecked: never read concurrently).
private final class ChunkSource: @unchecked Sendable {
    private var iterator: AsyncThrowingStream<ProviderStreamChunk, any Error>.AsyncIterator

    init(_ stream: AsyncThrowingStream<ProviderStreamChunk, any Error>) {
        iterator = stream.makeAsyncIterator()
    }

    func next() async throws -> ProviderStreamChunk? {
        try await iterator.next()
    }
}
