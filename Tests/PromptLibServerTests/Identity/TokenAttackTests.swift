import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// Forged, stale and misused tokens are all refused with 401.
@Suite("Token attacks")
struct TokenAttackTests {
    static let secret = "test-secret-that-is-long-enough-for-hs256"

    static func configure(_ configuration: inout AppConfiguration) { configuration.jwtSecret = secret }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decodeSegment(_ segment: Substring) -> [String: Any] {
        var text = segment.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        text += String(repeating: "=", count: (4 - text.count % 4) % 4)
        return (try? JSONSerialization.jsonObject(with: Data(base64Encoded: text) ?? Data())) as? [String: Any] ?? [:]
    }

    static func segment(_ object: [String: Any]) throws -> String {
        base64URL(try JSONSerialization.data(withJSONObject: object))
    }

    @Test("alg none, a tampered payload, a wrong key and garbage are TOKEN_INVALID", arguments: TestEngine.available)
    func forgedTokens(engine: TestEngine) async throws {
        try await withAdminApp(engine, configure: Self.configure) { client, admin in
            _ = try await client.createUser("vera", role: "viewer", admin: admin)
            let viewer = try await client.login("vera", "Another-good-passphrase-9")
            let parts = viewer.split(separator: ".")
            var claims = Self.decodeSegment(parts[1])
            #expect(claims["typ"] as? String == "access" && claims["role"] as? String == "viewer")

            claims["role"] = "admin"
            let none = try Self.segment(["alg": "none", "typ": "JWT"]) + "." + (try Self.segment(claims)) + "."
            let tampered = "\(parts[0]).\(try Self.segment(claims)).\(parts[2])"
            let wrongKey = try await TokenService(secret: "another-secret-another-secret-12345", accessTTL: .seconds(900), refreshTTL: .seconds(3600))
                .accessToken(userID: claims["sub"] as! String, role: .admin, sessionID: claims["sid"] as! String)
            for token in [none, tampered, wrongKey, "garbage", "a.b.c"] {
                let response = try await client.get("/api/v1/users", token: token)
                #expect(response.status == .unauthorized)
                #expect(response.errorCode == "TOKEN_INVALID")
            }
            #expect(try await client.get("/api/v1/prompts", token: viewer).status == .ok)
        }
    }

    @Test("an expired access token is TOKEN_EXPIRED", arguments: TestEngine.available)
    func expired(engine: TestEngine) async throws {
        try await withAdminApp(engine, configure: Self.configure) { client, admin in
            let claims = Self.decodeSegment(admin.split(separator: ".")[1])
            let service = await TokenService(secret: Self.secret, accessTTL: .seconds(900), refreshTTL: .seconds(3600))
            let stale = try await service.accessToken(
                userID: claims["sub"] as! String, role: .admin, sessionID: claims["sid"] as! String, now: Date().addingTimeInterval(-3_600)
            )
            let response = try await client.get("/api/v1/auth/me", token: stale)
            #expect(response.status == .unauthorized)
            #expect(response.errorCode == "TOKEN_EXPIRED")
        }
    }

    @Test("a refresh token is not an access token", arguments: TestEngine.available)
    func refreshAsAccess(engine: TestEngine) async throws {
        try await withTestApp(engine, configure: Self.configure) { client in
            let tokens = try await client.loginResponse("admin", testAdminPassword)
            let response = try await client.get("/api/v1/auth/me", token: tokens.refreshToken)
            #expect(response.errorCode == "TOKEN_INVALID")
            let asRefresh = try await client.send(.post, "/api/v1/auth/refresh", json: #"{"refresh_token":"\#(tokens.accessToken)"}"#)
            #expect(asRefresh.errorCode == "TOKEN_INVALID", "nor is an access token a refresh token")
        }
    }

    @Test("refresh rotates; replaying a retired refresh token ends the whole session and is audited", arguments: TestEngine.available)
    func refreshReuse(engine: TestEngine) async throws {
        try await withTestApp(engine, configure: Self.configure) { client in
            let first = try await client.loginResponse("admin", testAdminPassword)
            let rotated = try await client.send(.post, "/api/v1/auth/refresh", json: #"{"refresh_token":"\#(first.refreshToken)"}"#)
            #expect(rotated.status == .ok)
            let secondRefresh = try #require(rotated.json["refresh_token"] as? String)
            let secondAccess = try #require(rotated.json["access_token"] as? String)
            #expect(secondRefresh != first.refreshToken)
            #expect(try await client.get("/api/v1/auth/me", token: secondAccess).status == .ok)

            let replay = try await client.send(.post, "/api/v1/auth/refresh", json: #"{"refresh_token":"\#(first.refreshToken)"}"#)
            #expect(replay.status == .unauthorized)
            let afterReplay = try await client.send(.post, "/api/v1/auth/refresh", json: #"{"refresh_token":"\#(secondRefresh)"}"#)
            #expect(afterReplay.status == .unauthorized, "the family is revoked, including the newest token")
            #expect(try await client.get("/api/v1/auth/me", token: secondAccess).status == .unauthorized)

            let admin = try await client.login("admin", testAdminPassword)
            let audit = try await client.get("/api/v1/audit-events?action=auth.refresh_token.reused", token: admin)
            #expect((audit.json["data"] as? [Any])?.count == 1)
        }
    }

    @Test("disabling or deleting an account ends its tokens at once; a demotion applies at once", arguments: TestEngine.available)
    func disabledUser(engine: TestEngine) async throws {
        try await withAdminApp(engine, configure: Self.configure) { client, admin in
            let id = try await client.createUser("ulla", role: "admin", admin: admin)
            let ulla = try await client.login("ulla", "Another-good-passphrase-9")
            #expect(try await client.get("/api/v1/users", token: ulla).status == .ok)
            _ = try await client.send(.patch, "/api/v1/users/\(id)", json: #"{"role":"viewer"}"#, token: admin)
            #expect(try await client.get("/api/v1/users", token: ulla).status == .forbidden)
            _ = try await client.send(.patch, "/api/v1/users/\(id)", json: #"{"status":"disabled"}"#, token: admin)
            #expect(try await client.get("/api/v1/prompts", token: ulla).status == .unauthorized)
            let relogin = try await client.send(.post, "/api/v1/auth/login", json: #"{"login":"ulla","password":"Another-good-passphrase-9"}"#)
            // A disabled account answers as a wrong password would: nothing confirms the password.
            #expect(relogin.status == .unauthorized && relogin.errorCode == "INVALID_CREDENTIALS")

            _ = try await client.createUser("dora", role: "user", admin: admin)
            let dora = try await client.login("dora", "Another-good-passphrase-9")
            let doraID = try #require(try await client.get("/api/v1/auth/me", token: dora).json["id"] as? String)
            #expect(try await client.call(.delete, "/api/v1/users/\(doraID)", token: admin).status == .noContent)
            #expect(try await client.get("/api/v1/prompts", token: dora).status == .unauthorized)
        }
    }
}
