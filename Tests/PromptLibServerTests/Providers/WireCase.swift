import Foundation
import PromptLibCore
@testable import PromptLibServer

/// One provider API as the client tests drive it: where its fixtures are, how it authenticates,
/// and what its answers say.
struct WireCase: Sendable, CustomStringConvertible {
    let fixtures: String
    let target: RenderTarget
    let kind: ProviderKind
    let credentials: [String: String]
    /// The path a call goes to, relative to the base URL.
    let path: String
    /// The header carrying the credential, and a part of its value.
    let auth: (name: String, contains: String)
    /// An error body of a refused call and its status.
    let refusal: (file: String, status: Int)
    let rateLimit: String
    /// The text of the fixtures' whole reply.
    let replyText = "Hello, Ada! How can I help you today?"

    var description: String { fixtures }

    static let openAIKey = "sk-proj-test-0123456789abcdefwxyz"

    static let all: [WireCase] = [
        WireCase(fixtures: "openai-chat", target: .openai, kind: .openai, credentials: ["api_key": openAIKey], path: "/chat/completions",
                 auth: ("authorization", "Bearer \(openAIKey)"), refusal: ("openai-chat/error-401.json", 401), rateLimit: "openai-chat/error-429.json"),
        WireCase(fixtures: "openai-responses", target: .openaiResponses, kind: .openai, credentials: ["api_key": openAIKey], path: "/responses",
                 auth: ("authorization", "Bearer \(openAIKey)"), refusal: ("openai-chat/error-401.json", 401), rateLimit: "openai-chat/error-429.json"),
        WireCase(fixtures: "anthropic", target: .anthropic, kind: .anthropic, credentials: ["api_key": "sk-ant-api03-test-abcdefghijkl"], path: "/v1/messages",
                 auth: ("x-api-key", "sk-ant-api03-test-abcdefghijkl"), refusal: ("anthropic/error-401.json", 401), rateLimit: "anthropic/error-429.json"),
        WireCase(fixtures: "gemini", target: .gemini, kind: .gemini, credentials: ["api_key": "AIzaSyTest-0123456789abcdef"],
                 path: "/v1beta/models/gemini-2.5-flash:generateContent", auth: ("x-goog-api-key", "AIzaSyTest-0123456789abcdef"),
                 refusal: ("gemini/error-400.json", 400), rateLimit: "gemini/error-429.json"),
        WireCase(fixtures: "bedrock", target: .bedrock, kind: .bedrock,
                 credentials: ["access_key_id": "AKIAIOSFODNN7EXAMPLE", "secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "region": "us-east-1"],
                 path: "/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse",
                 auth: ("authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/"), refusal: ("bedrock/error-403.json", 403),
                 rateLimit: "bedrock/error-429.json"),
    ]

    /// The endpoint of a connection pointing at `baseURL`.
    func endpoint(_ baseURL: String, id: String = UUID().uuidString) -> ProviderEndpoint {
        ProviderEndpoint(connectionID: id, kind: kind, baseURL: baseURL, credentials: credentials, defaultModel: nil)
    }

    /// A rendered call, exactly what `POST …/run` sends.
    func call() throws -> ProviderCall {
        let model: String? = switch target {
        case .gemini: "gemini-2.5-flash"
        case .bedrock: "anthropic.claude-3-haiku-20240307-v1:0"
        default: nil
        }
        let document = PromptDocument(name: "tests/hello", title: "Hello", prompt: PromptBody(goal: "Greet Ada."))
        let result = try PromptRenderer.render(document, PromptRenderer.Request(target: target, model: model))
        return ProviderCall(target: target, model: result.model, body: result.payload)
    }

    /// The fixture stream, in the API's framing: Server-Sent Events, or Bedrock's binary event
    /// stream cut into parts that split its messages.
    var stream: FakeProvider.Answer {
        target == .bedrock ? .binary(FakeProvider.fixtureBytes("bedrock/stream.bin"), contentType: "application/vnd.amazon.eventstream")
            : .events(FakeProvider.fixture("\(fixtures)/stream.sse"))
    }
}
