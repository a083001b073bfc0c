import Foundation
import PromptLibCore

/// Amazon Bedrock Converse (`POST {base}/model/{modelId}/converse`, and `…/converse-stream`
/// answering in AWS's binary event-stream framing), signed with SigV4 for the `bedrock` service.
struct BedrockWire: ProviderWire {
    var streamFraming: StreamFraming { .awsEventStream }
    /// The signing time; tests fix it.
    var now: @Sendable () -> Date = { Date() }

    func request(for call: ProviderCall, endpoint: ProviderEndpoint, stream: Bool) throws(ProviderError) -> WireRequest {
        let region = endpoint.credentials["region"] ?? ""
        guard !region.isEmpty, region.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw ProviderError(kind: .rejected, message: "the connection's region is not an AWS region name")
        }
        let base = endpoint.baseURL ?? "https://bedrock-runtime.\(region).amazonaws.com"
        let path = "/model/\(PathSegment.encode(call.model))/\(stream ? "converse-stream" : "converse")"
        let url = Self.url(base, default: base, path: path)
        guard let components = URLComponents(string: url), let host = components.host else {
            throw ProviderError(kind: .rejected, message: "the connection's base_url is not a URL")
        }
        let defaultPort = components.scheme == "https" ? 443 : 80
        let authority = components.port.map { $0 == defaultPort ? host : "\(host):\($0)" } ?? host
        let body = try Self.encode(call.body)
        let signer = SigV4Signer(accessKeyID: endpoint.credentials["access_key_id"] ?? "",
                                 secretAccessKey: endpoint.credentials["secret_access_key"] ?? "", region: region, service: "bedrock")
        let headers = [("Content-Type", "application/json")]
        let signature = signer.sign(method: "POST", host: authority, path: components.percentEncodedPath, query: components.percentEncodedQuery ?? "",
                                    headers: headers, body: body, date: now())
        return WireRequest(url: url, headers: headers + signature, body: body)
    }

    func reply(from body: JSONValue, call: ProviderCall) throws(ProviderError) -> ProviderReply {
        guard let blocks = body["output"]?["message"]?["content"]?.arrayValue else { throw Self.missing("output.message.content") }
        let usage = body["usage"]
        return ProviderReply(output: blocks.compactMap { $0["text"]?.stringValue }.joined(),
                             usage: TokenUsage(inputTokens: usage?["inputTokens"]?.intValue, outputTokens: usage?["outputTokens"]?.intValue),
                             model: call.model, finishReason: body["stopReason"]?.stringValue)
    }

    func errorMessage(from body: JSONValue) -> String? {
        body["message"]?.stringValue ?? body["Message"]?.stringValue
    }

    func read(_ event: ServerSentEvent, into progress: inout StreamProgress) throws(ProviderError) -> String? {
        let value = try json(event)
        switch event.event ?? "" {
        case "contentBlockDelta":
            guard let text = value["delta"]?["text"]?.stringValue else { return nil }
            progress.text += text
            return text
        case "messageStop":
            progress.finishReason = value["stopReason"]?.stringValue
            progress.finished = true
        case "metadata":
            let usage = value["usage"]
            progress.usage = TokenUsage(inputTokens: usage?["inputTokens"]?.intValue, outputTokens: usage?["outputTokens"]?.intValue)
        case let name where name.hasPrefix("exception:"):
            let kind = name.dropFirst("exception:".count)
            let message = errorMessage(from: value) ?? String(kind)
            throw ProviderError(kind: ["throttlingException", "serviceUnavailableException", "internalServerException"].contains(kind) ? .unavailable : .rejected,
                                message: message)
        default:
            break
        }
        return nil
    }
}
