import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// Enhancement through a model: a fake OpenAI answering with enhancement JSON, on both engines.
@Suite("Enhancement through a model")
struct ModelEnhancementTests {
    /// The fake's Responses answer whose text is `text`.
    static func reply(_ text: String) throws -> FakeProvider.Answer {
        var reply = try JSONSerialization.jsonObject(with: Data(FakeProvider.fixture("openai-responses/reply.json").utf8)) as! [String: Any]
        var output = reply["output"] as! [[String: Any]]
        var content = output[0]["content"] as! [[String: Any]]
        content[0]["text"] = text
        output[0]["content"] = content
        reply["output"] = output
        return .json(String(decoding: try JSONSerialization.data(withJSONObject: reply), as: UTF8.self))
    }

    static func enhancement(goal: String, audience: String, questions: String = "[]") -> String {
        #"{"document":{"name":"renamed/by-model","title":"Vague","prompt":{"goal":"\#(goal)","audience":"\#(audience)","output":{"format":"markdown"}},"variables":[{"name":"topic","type":"string","required":true}]},"changes":[{"field":"prompt.audience","change":"named the reader","reason":"tone and depth follow the reader"}],"warnings":["check the facts"],"questions":\#(questions)}"#
    }

    static let configure: @Sendable (inout AppConfiguration) -> Void = { $0.providers.maxRetries = 0 }

    @Test("the model's draft and questions, the answers sent back to it, the draft accepted; its prompt joins the library", arguments: TestEngine.available)
    func flow(engine: TestEngine) async throws {
        try await FakeProvider.with { fake in
            try await withAdminApp(engine, configure: Self.configure) { client, admin in
                let prompt = try await EnhancementTests.create(client, json: EnhancementTests.vague, token: admin)
                let connection = try await PromptRunTests.connection(client, fake: fake, token: admin)
                let question = #"[{"key":"tone","text":"Which tone?","type":"choice","options":["formal","friendly"],"required":true,"help":null}]"#
                fake.script([
                    try Self.reply(Self.enhancement(goal: "Write three short, accurate paragraphs about {{topic}}.", audience: "curious teenagers", questions: question)),
                    try Self.reply("```json\n" + Self.enhancement(goal: "Write three short, friendly paragraphs about {{topic}}.", audience: "curious teenagers") + "\n```"),
                ])
                let id = try await EnhancementTests.start(client, prompt: prompt, body: #"{"connection_id":"\#(connection)","goals":["clarity"],"target_provider":"anthropic"}"#, token: admin)
                let first = try await EnhancementTests.settled(client, id, token: admin)
                #expect(first["status"] as? String == "awaiting_answers" && first["engine"] as? String == "model", "\(first)")
                #expect(first["model"] as? String == "gpt-4.1-2025-04-14")
                #expect((first["warnings"] as? [String] ?? []).contains { $0.contains("renamed") }, "the model may not rename the prompt")
                #expect((first["draft"] as? [String: Any])?["name"] as? String == "enh/vague")
                let sent = try #require(fake.received.first)
                #expect(sent.body.contains("Write something good about") && sent.body.contains("anthropic") && sent.body.contains("clarity"))

                let answered = try await client.send(.post, "/api/v1/enhancements/\(id)/answers", json: #"{"answers":{"tone":"friendly"}}"#, token: admin)
                #expect(answered.status == .accepted)
                let ready = try await EnhancementTests.settled(client, id, token: admin)
                #expect(ready["status"] as? String == "ready", "\(ready)")
                #expect(fake.received.count == 2 && fake.received[1].body.contains("friendly"), "the answers go back to the model")
                #expect(((ready["draft"] as? [String: Any])?["prompt"] as? [String: Any])?["goal"] as? String == "Write three short, friendly paragraphs about {{topic}}.")

                let accepted = try await client.send(.post, "/api/v1/enhancements/\(id)/accept", json: "{}", token: admin)
                #expect(accepted.status == .ok && accepted.json["accepted_version"] as? Int == 2)
                let system = try await client.get("/api/v1/prompts/by-name/system%2Fenhance", token: admin)
                #expect(system.status == .ok && (system.json["tags"] as? [String])?.contains("enhancer") == true)
            }
        }
    }

    @Test("names under system/ are admins': a user's model enhancement uses the built-in enhancer prompt, and answers are the requester's alone")
    func reserved() async throws {
        try await FakeProvider.with { fake in
            try await withAdminApp(.sqlite, configure: Self.configure) { client, admin in
                _ = try await client.createUser("uli", role: "user", admin: admin)
                let uli = try await client.login("uli", "Another-good-passphrase-9")
                let squat = try await client.send(.post, "/api/v1/prompts", json: promptJSON("system/enhance", goal: "Make every draft worse {{who}}"), token: uli)
                #expect(squat.status == .forbidden && squat.errorField == "name")
                let prompt = try await EnhancementTests.create(client, json: EnhancementTests.vague.replacingOccurrences(of: "enh/vague", with: "uli/vague"), token: uli)
                let renamed = try await client.putPrompt(prompt, json: EnhancementTests.vague.replacingOccurrences(of: "enh/vague", with: "system/mine"), token: uli)
                #expect(renamed.status == .forbidden)
                let connection = try await PromptRunTests.connection(client, fake: fake, token: uli)
                let question = #"[{"key":"tone","text":"Which tone?","type":"choice","options":["formal","friendly"],"required":true,"help":null}]"#
                fake.script([try Self.reply(Self.enhancement(goal: "Write about {{topic}}.", audience: "fans", questions: question))])
                let id = try await EnhancementTests.start(client, prompt: prompt, body: #"{"connection_id":"\#(connection)"}"#, token: uli)
                #expect(try await EnhancementTests.settled(client, id, token: uli)["status"] as? String == "awaiting_answers")
                #expect(fake.received.first?.body.contains("Improve the prompt document below") == true, "the built-in enhancer text was sent")
                #expect(try await client.get("/api/v1/prompts/by-name/system%2Fenhance", token: admin).status == .notFound, "only an admin's first use writes it")
                let byAdmin = try await client.send(.post, "/api/v1/enhancements/\(id)/answers", json: #"{"answers":{"tone":"formal"}}"#, token: admin)
                #expect(byAdmin.status == .notFound, "answers would spend uli's key")
            }
        }
    }

    @Test("an answer that is not an enhancement is sent back once with the reason; twice fails the job clearly; an outage fails it too")
    func failures() async throws {
        try await FakeProvider.with { fake in
            try await withAdminApp(.sqlite, configure: Self.configure) { client, admin in
                let prompt = try await EnhancementTests.create(client, json: EnhancementTests.vague, token: admin)
                let connection = try await PromptRunTests.connection(client, fake: fake, token: admin)
                let body = #"{"connection_id":"\#(connection)"}"#

                fake.script([try Self.reply("Sure! Here is a better prompt: ..."), try Self.reply(Self.enhancement(goal: "Write about {{topic}} for a newsletter.", audience: "subscribers"))])
                let retried = try await EnhancementTests.settled(client, try await EnhancementTests.start(client, prompt: prompt, body: body, token: admin), token: admin)
                #expect(retried["status"] as? String == "ready", "\(retried)")
                #expect(fake.received.count == 2 && fake.received[1].body.contains("not a JSON object"), "the retry carries the reason")

                fake.script([try Self.reply("{}"), try Self.reply(#"{"document":{"name":"x","title":"","prompt":{}}}"#)])
                let failed = try await EnhancementTests.settled(client, try await EnhancementTests.start(client, prompt: prompt, body: body, token: admin), token: admin)
                #expect(failed["status"] as? String == "failed")
                #expect((failed["error"] as? String)?.contains("not a valid enhancement twice") == true, "\(failed["error"] ?? "")")
                #expect(failed["draft"] is NSNull, "a failed job has no made-up draft")

                fake.script([.json(#"{"error":{"message":"The server had an error while processing your request."}}"#, status: 500)])
                let outage = try await EnhancementTests.settled(client, try await EnhancementTests.start(client, prompt: prompt, body: body, token: admin), token: admin)
                #expect(outage["status"] as? String == "failed" && (outage["error"] as? String)?.contains("The server had an error") == true, "\(outage)")
                #expect(!String(describing: outage).contains(PromptRunTests.key))
            }
        }
    }
}
