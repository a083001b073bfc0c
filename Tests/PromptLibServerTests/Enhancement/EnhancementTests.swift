import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibStorage
import PromptLibTestSupport
import SQLKit
import Testing

/// Enhancement jobs end to end: with the built-in analyzer and with a model (a fake provider), on
/// both engines; answers, acceptance with and without a conflict, rejection, restarts.
@Suite("Enhancement")
struct EnhancementTests {
    /// A prompt with a vague goal, no audience and no output format.
    static let vague = #"{"name":"enh/vague","title":"Vague","prompt":{"goal":"Write something good about {{topic}}."},"variables":[{"name":"topic","type":"string","required":true}]}"#

    static func create(_ client: some TestClientProtocol, json: String, token: String) async throws -> String {
        let response = try await client.send(.post, "/api/v1/prompts", json: json, token: token)
        guard response.status == .created, let id = response.json["id"] as? String else { throw TestSetupError("\(String(buffer: response.body))") }
        return id
    }

    /// Polls a job until it leaves `queued` and `analyzing`.
    static func settled(_ client: some TestClientProtocol, _ id: String, token: String) async throws -> [String: Any] {
        for _ in 0..<200 {
            let job = try await client.get("/api/v1/enhancements/\(id)", token: token).json
            if let status = job["status"] as? String, !["queued", "analyzing"].contains(status) { return job }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw TestSetupError("enhancement \(id) never settled")
    }

    static func start(_ client: some TestClientProtocol, prompt: String, body: String = "{}", token: String) async throws -> String {
        let response = try await client.send(.post, "/api/v1/prompts/\(prompt)/enhancements", json: body, token: token)
        guard response.status == .accepted, let id = response.json["id"] as? String else {
            throw TestSetupError("start: \(response.status) \(String(buffer: response.body))")
        }
        #expect(response.headers[.location] == "/api/v1/enhancements/\(id)")
        return id
    }

    @Test("the built-in analyzer: findings and typed questions, answers checked then used, the draft accepted as the next version", arguments: TestEngine.available)
    func builtin(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let prompt = try await Self.create(client, json: Self.vague, token: admin)
            let id = try await Self.start(client, prompt: prompt, token: admin)
            let job = try await Self.settled(client, id, token: admin)
            #expect(job["status"] as? String == "awaiting_answers" && job["engine"] as? String == "builtin")
            let codes = (job["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(Set(codes).isSuperset(of: ["vague_goal", "missing_audience", "missing_output_format"]), "\(codes)")
            let questions = job["questions"] as? [[String: Any]] ?? []
            #expect(questions.contains { $0["key"] as? String == "output_format" && $0["type"] as? String == "choice" && $0["required"] as? Bool == true })
            #expect(job["draft"] is [String: Any], "a draft comes with the questions")

            let wrong = try await client.send(.post, "/api/v1/enhancements/\(id)/answers", json: #"{"answers":{"output_format":"carrier pigeon","color":"blue"}}"#, token: admin)
            #expect(wrong.status == .badRequest && wrong.errorCode == "VALIDATION_ERROR", "\(String(buffer: wrong.body))")
            let fields = ((wrong.json["error"] as? [String: Any])?["details"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(Set(fields) == ["answers.output_format", "answers.color"])
            let early = try await client.send(.post, "/api/v1/enhancements/\(id)/accept", json: "{}", token: admin)
            #expect(early.status == .conflict, "a job awaiting answers has no draft to accept")

            let answered = try await client.send(.post, "/api/v1/enhancements/\(id)/answers",
                                                 json: #"{"answers":{"output_format":"bulleted list","audience":"new hires in support","goal_detail":"Cover three facts and one tip."}}"#, token: admin)
            #expect(answered.status == .accepted)
            let ready = try await Self.settled(client, id, token: admin)
            #expect(ready["status"] as? String == "ready")
            let draft = try #require(ready["draft"] as? [String: Any])
            let body = draft["prompt"] as? [String: Any]
            #expect(body?["audience"] as? String == "new hires in support")
            #expect((body?["output"] as? [String: Any])?["format"] as? String == "markdown")
            #expect((body?["goal"] as? String)?.hasSuffix("Cover three facts and one tip.") == true)
            let diff = try #require(ready["diff"] as? [String: Any])
            #expect(((diff["changes"] as? [[String: Any]]) ?? []).contains { $0["field"] as? String == "prompt.audience" })
            #expect((diff["unified"] as? String)?.contains("+  audience: new hires in support") == true, "\(diff["unified"] ?? "")")
            #expect(((ready["changes"] as? [[String: Any]]) ?? []).allSatisfy { ($0["reason"] as? String)?.isEmpty == false })

            let accepted = try await client.send(.post, "/api/v1/enhancements/\(id)/accept", json: #"{"commit_message":"Clearer, with a format"}"#, token: admin)
            #expect(accepted.status == .ok && accepted.json["accepted_version"] as? Int == 2 && accepted.headers[.eTag] == "\"v2\"", "\(String(buffer: accepted.body))")
            let stored = try await client.get("/api/v1/prompts/\(prompt)", token: admin).json
            #expect(stored["version"] as? Int == 2 && stored["commit_message"] as? String == "Clearer, with a format")
            #expect(((stored["prompt"] as? [String: Any])?["audience"] as? String) == "new hires in support")
            let again = try await client.send(.post, "/api/v1/enhancements/\(id)/accept", json: "{}", token: admin)
            #expect(again.status == .conflict, "an accepted job writes one version")
        }
    }

    @Test("accepting against a prompt that changed since is a 409 and writes nothing; the job stays ready until rejected", arguments: TestEngine.available)
    func conflict(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let json = #"{"name":"enh/settled","title":"Settled","prompt":{"goal":"Summarize the incident report for the on-call team in three bullet points.","context":"{{report}}"},"variables":[{"name":"report","type":"string","required":true}]}"#
            let prompt = try await Self.create(client, json: json, token: admin)
            let id = try await Self.start(client, prompt: prompt, body: #"{"goals":["clarity","structure"]}"#, token: admin)
            #expect(try await Self.settled(client, id, token: admin)["status"] as? String == "ready")
            let edit = try await client.putPrompt(prompt, json: json.replacingOccurrences(of: "three", with: "five"), token: admin)
            #expect(edit.status == .ok)
            let stale = try await client.send(.post, "/api/v1/enhancements/\(id)/accept", json: "{}", token: admin)
            #expect(stale.status == .conflict && stale.errorCode == "CONFLICT", "\(String(buffer: stale.body))")
            let versions = try await client.get("/api/v1/prompts/\(prompt)", token: admin).json["version"] as? Int
            #expect(versions == 2)
            // An explicit If-Match naming the current version accepts the draft over it.
            let edited = #"{"document":{"name":"enh/settled","title":"Settled","prompt":{"goal":"Summarize the incident report for the on-call team in four bullet points.","context":"{{report}}"},"variables":[{"name":"report","type":"string","required":true}]}}"#
            let over = try await client.send(.post, "/api/v1/enhancements/\(id)/accept", json: edited, token: admin, headers: [.ifMatch: "\"v2\""])
            #expect(over.status == .ok && over.json["accepted_version"] as? Int == 3, "\(String(buffer: over.body))")

            let other = try await Self.start(client, prompt: prompt, token: admin)
            _ = try await Self.settled(client, other, token: admin)
            #expect(try await client.call(.post, "/api/v1/enhancements/\(other)/reject", token: admin).status == .ok)
            #expect(try await client.call(.post, "/api/v1/enhancements/\(other)/reject", token: admin).status == .conflict)
            #expect(try await client.send(.post, "/api/v1/enhancements/\(other)/accept", json: "{}", token: admin).status == .conflict)
        }
    }

    @Test("jobs are the requester's: others get 404s, viewers cannot start one, unknown goals are 400s")
    func access() async throws {
        try await withAdminApp(.sqlite) { client, admin in
            let prompt = try await Self.create(client, json: Self.vague, token: admin)
            let id = try await Self.start(client, prompt: prompt, token: admin)
            _ = try await client.createUser("una", role: "user", admin: admin)
            _ = try await client.createUser("vic", role: "viewer", admin: admin)
            let una = try await client.login("una", "Another-good-passphrase-9")
            let vic = try await client.login("vic", "Another-good-passphrase-9")
            #expect(try await client.get("/api/v1/enhancements/\(id)", token: una).status == .notFound)
            #expect(try await client.send(.post, "/api/v1/enhancements/\(id)/reject", json: "{}", token: una).status == .notFound)
            #expect(try await client.send(.post, "/api/v1/prompts/\(prompt)/enhancements", json: "{}", token: vic).status == .forbidden)
            let bad = try await client.send(.post, "/api/v1/prompts/\(prompt)/enhancements", json: #"{"goals":["magic"]}"#, token: admin)
            #expect(bad.status == .badRequest)
            let missing = try await client.send(.post, "/api/v1/prompts/\(prompt)/enhancements", json: #"{"connection_id":"nope"}"#, token: admin)
            #expect(missing.status == .notFound)
        }
    }

    @Test("a job left half done by a stopped server is taken up when the next one starts", arguments: TestEngine.available)
    func restart(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database in
            let configuration = testConfiguration(database)
            let (prompt, id) = try await buildApplication(configuration: configuration, logger: testLogger).test(.router) { client in
                let admin = try await client.login("admin", testAdminPassword)
                let prompt = try await Self.create(client, json: Self.vague, token: admin)
                let id = try await Self.start(client, prompt: prompt, token: admin)
                _ = try await Self.settled(client, id, token: admin)
                return (prompt, id)
            }
            // As if the server had stopped while analyzing: the job is mid-way and untouched for minutes.
            try await database.withStore { store in
                try await store.withDatabase { db in
                    try await db.raw("""
                        UPDATE enhancement_jobs SET status = 'analyzing', progress = 20, result = NULL, updated_at = \(bind: Date().addingTimeInterval(-600))
                        WHERE id = \(bind: id)
                        """).run()
                }
            }
            try await buildApplication(configuration: configuration, logger: testLogger).test(.router) { client in
                let admin = try await client.login("admin", testAdminPassword)
                let job = try await Self.settled(client, id, token: admin)
                #expect(job["status"] as? String == "awaiting_answers" && job["prompt_id"] as? String == prompt)
                #expect((job["questions"] as? [Any])?.isEmpty == false)
            }
        }
    }
}
