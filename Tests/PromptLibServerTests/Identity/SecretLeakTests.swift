import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
@testable import PromptLibServer
import PromptLibStorage
import PromptLibTestSupport
import SQLKit
import Testing

/// Secrets used in a realistic session must appear neither in the audit table nor in the logs.
@Suite("No secret leaks")
struct SecretLeakTests {
    @Test("passwords and tokens never reach the audit log or the log output", arguments: TestEngine.available)
    func noLeaks(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database in
            let logPath = database.directory + "/captured.log"
            _ = FileManager.default.createFile(atPath: logPath, contents: nil)
            let handle = try #require(FileHandle(forWritingAtPath: logPath))
            let sink = LogSink(handle: handle)
            let logger = Logger(label: "leak-test") { JSONLogHandler(label: $0, level: .trace, sink: sink) }
            let configuration = testConfiguration(database)
            let app = try await buildApplication(configuration: configuration, logger: logger)
            let secrets = try await app.test(.router) { client -> [String] in
                let wrong = "Wrong-Secret-Guess-42"
                _ = try await client.send(.post, "/api/v1/auth/login", json: #"{"login":"admin","password":"\#(wrong)"}"#)
                let tokens = try await client.loginResponse("admin", testAdminPassword)
                let userPassword = "Users-Own-Secret-Phrase-7"
                _ = try await client.createUser("lena", role: "user", password: userPassword, admin: tokens.accessToken)
                let lena = try await client.loginResponse("lena", userPassword)
                let providerKey = "sk-provider-Secret-4242-abcd"
                let connection = try await client.send(.post, "/api/v1/connections", json: #"{"name":"p","provider":"openai","credentials":{"api_key":"\#(providerKey)"}}"#, token: lena.accessToken)
                #expect(connection.status == .created)
                let refreshed = try await client.send(.post, "/api/v1/auth/refresh", json: #"{"refresh_token":"\#(lena.refreshToken)"}"#)
                _ = try await client.send(.post, "/api/v1/auth/refresh", json: #"{"refresh_token":"\#(lena.refreshToken)"}"#)
                let next = try #require(refreshed.json["access_token"] as? String)
                // The replay above ended that session; the password change needs a new one.
                let again = try await client.loginResponse("lena", userPassword)
                let newPassword = "Her-Next-Secret-Phrase-8"
                let changed = try await client.send(.post, "/api/v1/auth/me/password", json: #"{"current_password":"\#(userPassword)","new_password":"\#(newPassword)"}"#, token: again.accessToken)
                #expect(changed.status == .noContent)
                // A share link's token and password are credentials too.
                let prompt = try await client.createPrompt("leak/shared", token: tokens.accessToken)
                let sharePassword = "Share-Link-Secret-5"
                let share = try await client.send(.post, "/api/v1/prompts/\(prompt)/shares", json: #"{"password":"\#(sharePassword)"}"#, token: tokens.accessToken)
                let shareToken = try #require(share.json["token"] as? String)
                let viewed = try await client.execute(uri: "/api/v1/shared/\(shareToken)", method: .get, headers: [.sharePassword: sharePassword])
                #expect(viewed.status == .ok)
                _ = try await client.execute(uri: "/api/v1/shared/\(shareToken)", method: .get, headers: [.sharePassword: "Wrong-Share-Guess-6"])
                return [shareToken, sharePassword, "Wrong-Share-Guess-6", providerKey, wrong, testAdminPassword, userPassword, newPassword, tokens.accessToken, tokens.refreshToken,
                        lena.accessToken, lena.refreshToken, next, refreshed.json["refresh_token"] as? String ?? "missing",
                        again.accessToken, again.refreshToken]
            }
            try handle.close()
            let audit = try await database.withStore { store in
                try await store.withDatabase { db in
                    try await db.raw("SELECT * FROM audit_events").all().map { row in
                        row.allColumns.map { (try? row.decode(column: $0, as: String?.self)) ?? nil }.compactMap { $0 }.joined(separator: " ")
                    }.joined(separator: "\n")
                }
            }
            let logs = String(decoding: try #require(FileManager.default.contents(atPath: logPath)), as: UTF8.self)
            #expect(audit.contains("auth.login.failed") && audit.contains("auth.refresh_token.reused") && audit.contains("connection.created"), "the events were recorded")
            #expect(logs.contains("request completed"), "the logs were captured")
            for secret in secrets {
                #expect(!audit.contains(secret), "audit log holds a secret")
                #expect(!logs.contains(secret), "logs hold a secret")
            }
        }
    }
}
