import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibCore
import PromptLibTestSupport
import Testing

@Suite("Bulk export and import")
struct ExchangeTests {
    /// A small library: versions, a label off latest, an include, every variable type, a folder.
    static func seed(_ client: some TestClientProtocol, token: String) async throws {
        let tone = try await client.createPrompt("parts/tone", goal: "Be warm", token: token)
        _ = try await client.putPrompt(tone, json: promptJSON("parts/tone", goal: "Be brisk", commit: "Shorter"), token: token)
        _ = try await client.send(.put, "/api/v1/prompts/\(tone)/labels/production", json: #"{"version":1}"#, token: token)
        _ = try await client.send(.post, "/api/v1/prompts", json: RenderTests.prompt, token: token)
        let mail = try await client.createPrompt("mail/hello", goal: "Greet {{who}}. {{> parts/tone@production}}", token: token)
        _ = try await client.putPrompt(mail, json: promptJSON("mail/hello", goal: "Hello {{who}}, ünïcödé & <b>", commit: "v2"), token: token)
        _ = try await client.putPrompt(mail, json: promptJSON("mail/hello", goal: "Hi {{who}}", commit: "v3"), token: token)
        _ = try await client.send(.put, "/api/v1/prompts/\(mail)/labels/staging", json: #"{"version":2}"#, token: token)
    }

    static func export(_ client: some TestClientProtocol, _ body: String, token: String) async throws -> TestResponse {
        try await client.send(.post, "/api/v1/exports", json: body, token: token)
    }

    static func upload(_ client: some TestClientProtocol, _ data: Data, query: String = "", contentType: String = "application/zip", token: String) async throws -> TestResponse {
        try await client.execute(uri: "/api/v1/imports" + query, method: .post,
                                 headers: [.authorization: "Bearer \(token)", .contentType: contentType], body: ByteBuffer(data: data))
    }

    static func count(_ client: some TestClientProtocol, token: String) async throws -> Int {
        (try await client.get("/api/v1/prompts?limit=100&include_archived=true", token: token).json["data"] as? [Any])?.count ?? -1
    }

    @Test("export with history → import into an empty instance → export again gives the same bytes",
          arguments: TestEngine.available, [#"{"format":"yaml","include_history":true}"#, #"{"format":"json","include_history":true,"archive":"tar.gz"}"#])
    func roundTrip(engine: TestEngine, request: String) async throws {
        let first = try await withAdminApp(engine) { client, admin in
            try await Self.seed(client, token: admin)
            let response = try await Self.export(client, request, token: admin)
            #expect(response.status == .ok)
            return Data(buffer: response.body)
        }
        try await withAdminApp(engine) { client, admin in
            let imported = try await Self.upload(client, first, contentType: "application/octet-stream", token: admin)
            #expect(imported.status == .ok, "\(String(buffer: imported.body))")
            #expect((imported.json["counts"] as? [String: Int])?["create"] == 3)
            let again = try await Self.export(client, request, token: admin)
            let second = Data(buffer: again.body)
            let kind = try #require(ArchiveCodec.detect(first))
            let before = try ArchiveCodec.read(first, kind: kind, limits: ArchiveLimits())
            let after = try ArchiveCodec.read(second, kind: kind, limits: ArchiveLimits())
            #expect(before.map(\.path) == after.map(\.path))
            for (a, b) in zip(before, after) { #expect(a.data == b.data, "\(a.path) differs:\n\(String(decoding: a.data, as: UTF8.self))\n---\n\(String(decoding: b.data, as: UTF8.self))") }
            #expect(first == second, "the archives are identical byte for byte")
            #expect(before.map(\.path).contains("prompts/mail/hello.\(request.contains("yaml") ? "yaml" : "json")"))
        }
    }

    @Test("the round trip holds for generated prompts too", arguments: TestEngine.available)
    func generatedRoundTrip(engine: TestEngine) async throws {
        // Generated documents that the schema accepts, one per name, some with a second version.
        var generator = SeededGenerator(seed: 2026)
        var documents: [String: [PromptDocument]] = [:]
        while documents.count < 25 {
            var document = DocumentGenerator.make(using: &generator)
            document.version = nil
            guard let valid = try? PromptValidator.validate(document) else { continue }
            documents[valid.name, default: []].append(valid)
        }
        let request = #"{"format":"yaml","include_history":true}"#
        let library = documents.sorted { $0.key < $1.key }.map(\.value)
        let first = try await withAdminApp(engine) { client, admin in
            for versions in library {
                let created = try await client.send(.post, "/api/v1/prompts", json: try PromptYAML.encode(versions[0]), token: admin,
                                                    headers: [.contentType: "application/yaml"])
                let id = try #require(created.json["id"] as? String, "\(String(buffer: created.body))")
                for (offset, next) in versions.dropFirst().enumerated() {
                    let written = try await client.send(.put, "/api/v1/prompts/\(id)", json: try PromptYAML.encode(next), token: admin,
                                                        headers: [.contentType: "application/yaml", .ifMatch: "\"v\(offset + 1)\""])
                    #expect(written.status == .ok, "\(String(buffer: written.body))")
                }
            }
            return Data(buffer: try await Self.export(client, request, token: admin).body)
        }
        try await withAdminApp(engine) { client, admin in
            let imported = try await Self.upload(client, first, token: admin)
            #expect(imported.status == .ok, "\(String(buffer: imported.body))")
            let second = Data(buffer: try await Self.export(client, request, token: admin).body)
            #expect(first == second, "export → import → export of generated prompts gives the same bytes")
        }
    }

    @Test("a provider-format export imports as the same body, variables and model settings", arguments: TestEngine.available, ["openai", "gemini", "llama", "markdown"])
    func providerRoundTrip(engine: TestEngine, format: String) async throws {
        let (archive, original) = try await withAdminApp(engine) { client, admin in
            _ = try await client.send(.post, "/api/v1/prompts", json: RenderTests.prompt, token: admin)
            let list = try await client.get("/api/v1/prompts", token: admin)
            let id = try #require((list.json["data"] as? [[String: Any]])?.first?["id"] as? String)
            let yaml = String(buffer: try await client.get("/api/v1/prompts/\(id)?format=yaml", token: admin).body)
            return (Data(buffer: try await Self.export(client, #"{"format":"\#(format)"}"#, token: admin).body), try PromptImportParser.parse(yaml))
        }
        try await withAdminApp(engine) { client, admin in
            #expect(try await Self.upload(client, archive, token: admin).status == .ok)
            let list = try await client.get("/api/v1/prompts", token: admin)
            let id = try #require((list.json["data"] as? [[String: Any]])?.first?["id"] as? String)
            let back = try PromptImportParser.parse(String(buffer: try await client.get("/api/v1/prompts/\(id)?format=yaml", token: admin).body))
            #expect(back.prompt == original.prompt && back.variables == original.variables && back.model == original.model)
        }
    }

    @Test("dry runs plan without writing; names that exist are conflicts unless on_conflict says otherwise", arguments: TestEngine.available)
    func conflicts(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            _ = try await client.createPrompt("team/a", goal: "Original {{who}}", token: admin)
            let file = Data(promptJSON("team/a", goal: "Changed {{who}}").utf8)
            let plan = try await Self.upload(client, file, query: "?dry_run=true", contentType: "application/json", token: admin)
            #expect(plan.json["dry_run"] as? Bool == true)
            #expect(((plan.json["items"] as? [[String: Any]])?.first?["action"]) as? String == "conflict")
            let refused = try await Self.upload(client, file, contentType: "application/json", token: admin)
            #expect(refused.status == .conflict)
            let dryNew = try await Self.upload(client, Data(promptJSON("team/new", goal: "x {{who}}").utf8), query: "?dry_run=true", contentType: "application/json", token: admin)
            #expect(((dryNew.json["items"] as? [[String: Any]])?.first?["action"]) as? String == "create")
            #expect(try await Self.count(client, token: admin) == 1, "dry runs and refusals write nothing")

            let skipped = try await Self.upload(client, file, query: "?on_conflict=skip", contentType: "application/json", token: admin)
            #expect((skipped.json["counts"] as? [String: Int])?["skip"] == 1)
            let versioned = try await Self.upload(client, file, query: "?on_conflict=new_version", contentType: "application/json", token: admin)
            #expect((versioned.json["counts"] as? [String: Int])?["new_version"] == 1)
            let again = try await Self.upload(client, file, query: "?on_conflict=new_version", contentType: "application/json", token: admin)
            #expect((again.json["counts"] as? [String: Int])?["skip"] == 1, "the same content again is unchanged")
            let renamed = try await Self.upload(client, Data(promptJSON("team/a", goal: "Third {{who}}").utf8), query: "?on_conflict=rename", contentType: "application/json", token: admin)
            #expect(((renamed.json["items"] as? [[String: Any]])?.first?["imported_as"]) as? String == "team/a-2")
            let fetched = try await client.get("/api/v1/prompts/by-name/team%2Fa", token: admin)
            #expect(fetched.json["version"] as? Int == 2)
        }
    }

    @Test("single files import by media type or detection: YAML with a leading ---, Markdown front matter, JSON", arguments: TestEngine.available)
    func singleFiles(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let yaml = "---\nschema: promptlib/v1\nname: hand/yaml\ntitle: By hand\nprompt:\n  goal: Written by hand\n"
            let markdown = "---\nname: hand/markdown\ntitle: Notes\nprompt:\n  goal: From Markdown\n---\n\n# Notes\n\nAnything below is prose.\n"
            let json = #"{"name": "hand/json", "title": "J", "prompt": {"goal": "From JSON"}}"#
            for (body, type) in [(yaml, "application/yaml"), (markdown, "text/markdown"), (markdown, "application/octet-stream"), (json, "application/json")] {
                let response = try await Self.upload(client, Data(body.utf8), query: "?on_conflict=skip", contentType: type, token: admin)
                #expect(response.status == .ok, "\(type): \(String(buffer: response.body))")
            }
            let goal = try await client.get("/api/v1/prompts/by-name/hand%2Fyaml", token: admin).json["prompt"] as? [String: Any]
            #expect(goal?["goal"] as? String == "Written by hand")
            #expect(try await Self.count(client, token: admin) == 3)
        }
    }

    @Test("an import with one bad file writes nothing and names every problem", arguments: TestEngine.available)
    func allOrNothing(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let files: [(path: String, data: Data)] = [
                ("prompts/ok.yaml", Data("schema: promptlib/v1\nname: ok\ntitle: OK\nprompt:\n  goal: Fine\n".utf8)),
                ("prompts/bad.yaml", Data("schema: promptlib/v1\nname: bad\ntitle: Bad\nprompt:\n  goal: Uses {{undeclared}}\n".utf8)),
                ("prompts/worse.json", Data("{\"name\": 3}".utf8)),
            ]
            let response = try await Self.upload(client, try ArchiveCodec.write(files, kind: .zip), token: admin)
            #expect(response.status == .badRequest)
            let fields = ((response.json["error"] as? [String: Any])?["details"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(fields.contains { $0.hasPrefix("prompts/bad.yaml") } && fields.contains { $0.hasPrefix("prompts/worse.json") })
            #expect(try await Self.count(client, token: admin) == 0)
        }
    }

    @Test("zip bombs, gzip bombs, ../ entries and oversized uploads are refused before anything is written", arguments: TestEngine.available)
    func hostileArchives(engine: TestEngine) async throws {
        try await withAdminApp(engine, configure: { $0.importMaxBytes = 2_000_000 }) { client, admin in
            let zeros = Data(count: 8_000_000)
            let ok = ("prompts/ok.yaml", Data("schema: promptlib/v1\nname: ok\ntitle: OK\nprompt:\n  goal: Fine\n".utf8))
            let zipBomb = try ArchiveCodec.write([ok, ("prompts/bomb.yaml", zeros)], kind: .zip)
            #expect(zipBomb.count < 100_000)
            let bomb = try await Self.upload(client, zipBomb, token: admin)
            #expect(bomb.status == .contentTooLarge, "\(String(buffer: bomb.body))")
            let gzBomb = try await Self.upload(client, try ArchiveCodec.write([ok, ("prompts/bomb.yaml", zeros)], kind: .tarGz), contentType: "application/gzip", token: admin)
            #expect(gzBomb.status == .contentTooLarge, "\(String(buffer: gzBomb.body))")
            for kind in ArchiveCodec.Kind.allCases {
                let traversal = try await Self.upload(client, try ArchiveCodec.write([ok, ("../evil.yaml", ok.1)], kind: kind), contentType: kind.contentType, token: admin)
                #expect(traversal.status == .badRequest && String(buffer: traversal.body).contains("leaves the archive"), "\(kind): \(String(buffer: traversal.body))")
            }
            // A central directory entry whose local header lies past the end once crashed the reader.
            var corrupt = try ArchiveCodec.write([ok], kind: .zip)
            let central = try #require(corrupt.firstRange(of: Data([0x50, 0x4B, 0x01, 0x02])))
            corrupt.replaceSubrange(central.lowerBound + 42..<central.lowerBound + 46, with: [0xF0, 0xFF, 0xFF, 0x0F])
            #expect(try await Self.upload(client, corrupt, token: admin).status == .badRequest)
            let big = try await Self.upload(client, Data(repeating: 65, count: 2_500_000), contentType: "application/yaml", token: admin)
            #expect(big.status == .contentTooLarge)
            #expect(try await Self.count(client, token: admin) == 0)
        }
    }
}
