import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// Password guesses: counted before the check, so parallel bursts cannot pass a limit, and
/// answered alike for accounts that exist, do not, or are disabled.
@Suite("Guess limits and account enumeration")
struct GuessLimitTests {
    static func parallel(_ count: Int, _ attempt: @escaping @Sendable (Int) async throws -> TestResponse) async throws -> [Int] {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<count { group.addTask { Int(try await attempt(index).status.code) } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
    }

    @Test("80 parallel logins to unknown accounts from one address get at most 20 password checks", arguments: TestEngine.available)
    func parallelUnknownLogins(engine: TestEngine) async throws {
        try await withTestApp(engine) { client in
            let statuses = try await Self.parallel(80) { index in
                try await LoginLockoutTests.login(client, "some-password-guess", as: "ghost\(index)")
            }
            #expect(statuses.filter { $0 == 401 }.count <= 20 && statuses.filter { $0 == 429 }.count >= 60, "\(statuses.sorted())")
        }
    }

    @Test("60 parallel share-password guesses, the right one among them, get at most 10 checks", arguments: TestEngine.available)
    func parallelShareGuesses(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await client.createPrompt("guarded", token: admin)
            let token = try await ShareTests.share(client, id, #"{"password":"Right-share-pass-1"}"#, token: admin).token
            let statuses = try await Self.parallel(60) { index in
                try await ShareTests.view(client, token, password: index == 59 ? "Right-share-pass-1" : "wrong-guess-\(index)")
            }
            #expect(statuses.filter { $0 == 401 || $0 == 200 }.count <= 10, "\(statuses.sorted())")
            #expect(statuses.filter { $0 == 429 }.count >= 50)
        }
    }

    @Test("an unknown name locks after five failures exactly like a real account, and a disabled one answers 401 to its right password",
          arguments: TestEngine.available)
    func enumeration(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            for name in ["admin", "nobody-here"] {
                var statuses: [Int] = []
                for _ in 1...6 { statuses.append(Int(try await LoginLockoutTests.login(client, "wrong-password-guess", as: name).status.code)) }
                #expect(statuses == [401, 401, 401, 401, 401, 429], "\(name): \(statuses)")
            }
            let id = try await client.createUser("dora", role: "user", admin: admin)
            let disabled = try await client.send(.patch, "/api/v1/users/\(id)", json: #"{"status":"disabled"}"#, token: admin)
            #expect(disabled.status == .ok)
            let right = try await LoginLockoutTests.login(client, "Another-good-passphrase-9", as: "dora")
            let wrong = try await LoginLockoutTests.login(client, "wrong-password-guess", as: "dora")
            #expect(right.status == .unauthorized && wrong.status == .unauthorized)
            #expect(right.errorCode == wrong.errorCode && right.json["error"].map { "\($0)" }?.contains("wrong") == true)
            let ghost = try await LoginLockoutTests.login(client, "wrong-password-guess", as: "ghost")
            #expect((ghost.json["error"] as? [String: Any])?["message"] as? String == (right.json["error"] as? [String: Any])?["message"] as? String)
        }
    }

    @Test("share-link passwords over 72 bytes are refused; a longer guess never matches on its first 72 bytes", arguments: TestEngine.available)
    func longSharePasswords(engine: TestEngine) async throws {
        try await withAdminApp(engine) { client, admin in
            let id = try await client.createPrompt("long/pass", token: admin)
            let tooLong = try await client.send(.post, "/api/v1/prompts/\(id)/shares", json: #"{"password":"\#(String(repeating: "p", count: 73))"}"#, token: admin)
            #expect(tooLong.status == .badRequest && tooLong.errorField == "password")
            let exact = String(repeating: "p", count: 72)
            let link = try await ShareTests.share(client, id, #"{"password":"\#(exact)"}"#, token: admin)
            #expect(try await ShareTests.view(client, link.token, password: exact + "anything").status == .unauthorized)
            #expect(try await ShareTests.view(client, link.token, password: exact).status == .ok)
        }
    }
}
