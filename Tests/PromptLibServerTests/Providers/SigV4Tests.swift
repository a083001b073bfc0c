import Foundation
import PromptLibCore
@testable import PromptLibServer
import Testing

/// AWS Signature Version 4 against AWS's published test-suite signatures (the
/// `aws-sig-v4-test-suite` cases: credentials AKIDEXAMPLE, 2015-08-30T12:36:00Z, us-east-1,
/// service `service`) and against botocore's signature of a Bedrock Converse request.
@Suite("SigV4")
struct SigV4Tests {
    static let date = Date(timeIntervalSince1970: 1_440_938_160)
    static let signer = SigV4Signer(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                                    region: "us-east-1", service: "service")

    static func signature(_ headers: [(String, String)]) -> String? {
        headers.first { $0.0 == "Authorization" }?.1.components(separatedBy: "Signature=").last
    }

    @Test("the test suite's GET vectors", arguments: [
        ("/", "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),          // get-vanilla
        ("/", "Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"), // get-vanilla-query-order-key-case
        ("/ሴ", "", "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"),          // get-utf8
    ])
    func suite(path: String, query: String, expected: String) {
        let headers = Self.signer.sign(method: "GET", host: "example.amazonaws.com", path: path, query: query, headers: [], body: Data(), date: Self.date)
        #expect(Self.signature(headers) == expected)
        #expect(headers.first { $0.0 == "X-Amz-Date" }?.1 == "20150830T123600Z")
        #expect(headers.first { $0.0 == "Authorization" }?.1.hasPrefix(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=") == true)
    }

    @Test("a Bedrock Converse request is signed as botocore signs it (the model id's colon encoded twice in the canonical path)")
    func bedrock() throws {
        let endpoint = ProviderEndpoint(connectionID: "c", kind: .bedrock, baseURL: nil,
                                        credentials: ["access_key_id": "AKIDEXAMPLE", "secret_access_key": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "region": "us-east-1"],
                                        defaultModel: nil)
        let body: JSONValueLiteral = #"{"messages":[{"content":[{"text":"Hi"}],"role":"user"}]}"#
        var wire = BedrockWire()
        wire.now = { Self.date }
        let call = ProviderCall(target: .bedrock, model: "anthropic.claude-3-haiku-20240307-v1:0", body: try body.value())
        let request = try wire.request(for: call, endpoint: endpoint, stream: false)
        #expect(request.url == "https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse")
        // The body goes out as signed. The expected header is what botocore 1.44.8's SigV4Auth gives
        // for these bytes, this URL and this time (get_current_datetime patched to the suite's date).
        #expect(String(decoding: request.body, as: UTF8.self) == body.text)
        #expect(request.headers.first { $0.0 == "Authorization" }?.1 ==
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/bedrock/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=0bca92f33a0b5f997c53b8a464ef95417f1866c2d80fcb380bd8bccf784c69a1")
    }

    @Test("a region that is not an AWS region name is refused before anything is signed")
    func badRegion() {
        let endpoint = ProviderEndpoint(connectionID: "c", kind: .bedrock, baseURL: nil,
                                        credentials: ["access_key_id": "A", "secret_access_key": "B", "region": "us-east-1.evil.example/x"], defaultModel: nil)
        #expect(throws: ProviderError.self) {
            try BedrockWire().request(for: ProviderCall(target: .bedrock, model: "m", body: .object([:])), endpoint: endpoint, stream: false)
        }
    }
}

/// A JSON text kept as written, for bodies whose exact bytes matter.
struct JSONValueLiteral: ExpressibleByStringLiteral {
    let text: String
    init(stringLiteral value: String) { text = value }
    func value() throws -> PromptLibCore.JSONValue { try JSONDecoder().decode(PromptLibCore.JSONValue.self, from: Data(text.utf8)) }
}

/// Where requests go: the base URL of a connection, its query kept at the end.
@Suite("Provider URLs")
struct ProviderURLTests {
    @Test("a base URL's query (Azure's api-version) stays after the API's path", arguments: [
        ("https://x.openai.azure.com/openai/v1/?api-version=preview", "/chat/completions", "https://x.openai.azure.com/openai/v1/chat/completions?api-version=preview"),
        ("http://localhost:11434/v1/", "/chat/completions", "http://localhost:11434/v1/chat/completions"),
        ("https://proxy.example/g?key=1", "/v1beta/models/m:streamGenerateContent?alt=sse", "https://proxy.example/g/v1beta/models/m:streamGenerateContent?key=1&alt=sse"),
    ])
    func query(base: String, path: String, expected: String) {
        #expect(OpenAIChatWire.url(base, default: "unused", path: path) == expected)
    }
}
