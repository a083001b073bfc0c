import Foundation
import PromptLibCore

/// Amazon Bedrock Converse (`POST {base}/model/{modelId}/converse`), signed with SigV4 for the
/// `bedrock` service. Streaming (`converse-stream`) uses AWS's binary event-stream encoding rather
/// than Server-Sent Events; a streamed run on Bedrock gets the whole answer as one part.
struct BedrockWire: ProviderWire {
    var streamsEvents: Bool { false }
    /// The signing time; tests fix it.
    var now: @Sendable () -> Date = { Date() }

    func request(for call: ProviderCall, endpoint: ProviderEndpoint, stream: Bool) throws(ProviderError) -> WireRequest {
        let region = endpoint.credentials["region"] ?? ""
        guard !region.isEmpty, region.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw ProviderError(kind: .rejected, message: "the connection's region is not an AWS region name")
        }
        let base = endpoint.baseURL ?? "https://bedrock-runtime.\(region).amazonaws.com"
        let path = "/model/\(SigV4Signer.encode(call.model))/converse"
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
        nil
    }
}
