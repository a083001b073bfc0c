import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// What a person meets first: query strings decode as ordinary HTTP clients and HTML forms
/// encode them. (The root serves the web UI: `WebUITests`.)
@Suite("First contact")
struct FirstContactTests {

    @Test("a + in a query string is a space, in values and in search", arguments: TestEngine.available)
    func plusIsSpace(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await client.createPrompt("shop/greeter", goal: "Greet {{who}}", token: admin)
            let variables = #"{"who":"Rake+and+Hoe"}"#.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                .replacingOccurrences(of: "%2B", with: "+")
            let export = try await client.get("/api/v1/prompts/\(id)/export?format=openai&variables=\(variables)", token: admin)
            #expect(export.status == .ok)
            #expect(String(buffer: export.body).contains("Greet Rake and Hoe"), "\(String(buffer: export.body).prefix(300))")
            let literal = try await client.get("/api/v1/prompts/\(id)/export?format=openai&variables=%7B%22who%22%3A%22a%2Bb%22%7D", token: admin)
            #expect(String(buffer: literal.body).contains("Greet a+b"), "an encoded plus stays a plus")
            let found = try await client.get("/api/v1/prompts?q=Greet+who", token: admin)
            #expect((found.json["data"] as? [[String: Any]])?.count == 1)
        }
    }
}
