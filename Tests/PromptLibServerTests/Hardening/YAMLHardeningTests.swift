import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibCore
import PromptLibTestSupport
import Testing

/// YAML that expands, nests or hides control characters is refused with a 400 naming the field.
@Suite("Hostile YAML")
struct YAMLHardeningTests {
    /// The 474-byte "billion laughs" body: nine levels of anchors, each alias list ten deep.
    static let laughs: String = {
        var lines = ["schema: promptlib/v1", "name: laughs", "title: Laughs", "prompt:", "  goal: Hi", "model:", "  provider: openai", "  params:",
                     "    a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...8 {
            let previous = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("    a\(level): &a\(level) [\(previous)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static func yaml(_ client: some TestClientProtocol, _ text: String, token: String) async throws -> TestResponse {
        try await client.execute(uri: "/api/v1/prompts", method: .post,
                                 headers: [.authorization: "Bearer \(token)", .contentType: "application/yaml"], body: ByteBuffer(string: text))
    }

    @Test("a billion-laughs body, a plain anchor, and 600 levels of nesting are 400s naming the field; nothing is stored, no body is logged",
          arguments: TestEngine.available)
    func refused(engine: TestEngine) async throws {
        let deep = "schema: promptlib/v1\nname: deep\ntitle: Deep\nprompt:\n  goal: Hi\nmodel:\n  provider: openai\n  params:\n    p: "
            + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "\n"
        let anchored = "schema: promptlib/v1\nname: anchored\ntitle: &t Anchored\nsummary: *t\nprompt:\n  goal: Hi\n"
        let logs = try await withLoggedApp(engine) { client in
            let admin = try await client.login("admin", testAdminPassword)
            let started = ContinuousClock.now
            let bomb = try await Self.yaml(client, Self.laughs, token: admin)
            #expect(bomb.status == .badRequest && bomb.errorField == "model.params.a0", "\(String(buffer: bomb.body))")
            #expect(ContinuousClock.now - started < .seconds(5), "refused without expanding")
            let plain = try await Self.yaml(client, anchored, token: admin)
            #expect(plain.status == .badRequest && plain.errorField == "title" && String(buffer: plain.body).contains("anchor"))
            let nested = try await Self.yaml(client, deep, token: admin)
            #expect(nested.status == .badRequest, "\(String(buffer: nested.body))")
            #expect(!String(buffer: nested.body).contains("[[[["), "the error does not quote the document")
            let nul = try await Self.yaml(client, "schema: promptlib/v1\nname: nul\ntitle: \"a\\0b\"\nprompt:\n  goal: Hi\n", token: admin)
            #expect(nul.status == .badRequest && nul.errorField == "title", "\(String(buffer: nul.body))")
            let listed = try await client.get("/api/v1/prompts", token: admin)
            #expect((listed.json["data"] as? [Any])?.isEmpty == true)
        }
        #expect(!logs.contains("lol, lol") && !logs.contains("[[[[") && !logs.contains("*a7"), "no request body in the log")
    }

    @Test("the same bomb inside an imported archive is refused before anything is written", arguments: TestEngine.available)
    func inArchives(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let zip = try ArchiveCodec.write([("prompts/laughs.yaml", Data(Self.laughs.utf8))], kind: .zip)
            let response = try await ExchangeTests.upload(client, zip, token: admin)
            #expect(response.status == .badRequest && String(buffer: response.body).contains("anchor"), "\(String(buffer: response.body))")
            #expect(try await ExchangeTests.count(client, token: admin) == 0)
        }
    }

    @Test("documents within the limits still read, and YAMLLimits counts nodes")
    func limits() throws {
        let document = try PromptYAML.decode("schema: promptlib/v1\nname: fine\ntitle: Fine\nprompt:\n  goal: \"Tabs\\tand\\nlines are text\"\n")
        #expect(document.prompt.goal == "Tabs\tand\nlines are text")
        let wide = "schema: promptlib/v1\nname: wide\ntitle: Wide\nprompt:\n  goal: Hi\n  steps: [" + Array(repeating: "x", count: YAMLLimits.maxNodes).joined(separator: ", ") + "]\n"
        #expect(throws: ValidationFailure.self) { try PromptYAML.decode(wide) }
    }

    static let head = "schema: promptlib/v1\nname: tagged\ntitle: T\n"

    @Test("merge keys, tags outside the core schema and mappings over 256 keys are 400s naming the field", arguments: [
        (head + "prompt:\n  <<: {goal: Hello}\n", "prompt"),
        (head + "<<: {summary: injected}\nprompt:\n  goal: Hi\n", ""),
        ("schema: promptlib/v1\nname: tagged\ntitle: !!binary aGVsbG8=\nprompt:\n  goal: Hi\n", "title"),
        (head + "prompt:\n  goal: Hi\n  steps: !!python/tuple [1, 2]\n", "prompt.steps"),
        (head + "summary: !!timestamp 2024-01-01\nprompt:\n  goal: Hi\n", "summary"),
        (head + "summary: !custom x\nprompt:\n  goal: Hi\n", "summary"),
        (head + "prompt:\n  goal: Hi\nmodel:\n  provider: openai\n  params:\n" + (0..<300).map { "    k\($0): 1\n" }.joined(), "model.params"),
    ])
    func tagsAndMerges(input: (yaml: String, field: String)) throws {
        #expect { try PromptYAML.decode(input.yaml) } throws: { error in
            (error as? ValidationFailure)?.field == input.field
        }
    }

    @Test("plain dates, numbers-as-strings and !!str still read; 300 params written as JSON are refused too", arguments: TestEngine.available)
    func coreSchemaStillReads(engine: TestEngine) async throws {
        let fine = try PromptYAML.decode(Self.head + "summary: 2024-01-01\ntags: [!!str 123]\nprompt:\n  goal: Hi\n")
        #expect(fine.summary == "2024-01-01" && fine.tags == ["123"])
        try await withAdminApp(engine) { client, admin in
            let params = (0..<300).map { "\"k\($0)\": 1" }.joined(separator: ",")
            let response = try await client.send(.post, "/api/v1/prompts", json: #"{"name":"wide","title":"W","prompt":{"goal":"g"},"model":{"provider":"openai","params":{\#(params)}}}"#, token: admin)
            #expect(response.status == .badRequest && response.errorField == "model.params", "\(String(buffer: response.body))")
        }
    }
}
