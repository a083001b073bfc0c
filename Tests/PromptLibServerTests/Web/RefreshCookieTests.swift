import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// The web UI's session: the refresh token lives in an HttpOnly, SameSite=Strict cookie the page
/// cannot read, rotates on every refresh, and is dropped on sign-out.
@Suite("Refresh cookie")
struct RefreshCookieTests {
    static func cookies(_ response: TestResponse) -> [String] {
        response.headers[values: .setCookie]
    }

    static func value(of name: String, in response: TestResponse) -> String? {
        for cookie in cookies(response) where cookie.hasPrefix("\(name)=") {
            return String(cookie.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        return nil
    }

    static let login = #"{"login":"admin","password":"\#(testAdminPassword)","refresh_cookie":true}"#

    @Test("a cookie sign-in keeps the refresh token out of the body, HttpOnly and scoped to /api/v1/auth")
    func signIn() async throws {
        try await withTestApp(.sqlite) { client in
            let response = try await client.send(.post, "/api/v1/auth/login", json: Self.login)
            #expect(response.status == .ok)
            #expect(response.json["access_token"] is String)
            #expect(response.json["refresh_token"] == nil, "the page never holds the refresh token")
            #expect(response.headers[.cacheControl] == "no-store")
            let refresh = try #require(Self.cookies(response).first { $0.hasPrefix("promptlib_refresh=plr_") })
            for attribute in ["HttpOnly", "SameSite=Strict", "Path=/api/v1/auth", "Max-Age="] {
                #expect(refresh.contains(attribute), "\(refresh) lacks \(attribute)")
            }
            #expect(!refresh.contains("Secure"), "plain-HTTP installs would never get a Secure cookie back")
            let marker = try #require(Self.cookies(response).first { $0.hasPrefix("promptlib_session=") })
            #expect(marker == marker.replacingOccurrences(of: "HttpOnly", with: "") && marker.contains("Path=/") && !marker.contains("plr_"))
            // Without the flag, API clients get the token in the body and no cookie, as before.
            let plain = try await client.send(.post, "/api/v1/auth/login", json: #"{"login":"admin","password":"\#(testAdminPassword)"}"#)
            #expect(plain.json["refresh_token"] is String && Self.cookies(plain).isEmpty)
        }
    }

    @Test("a refresh through the cookie rotates it; the old cookie is refused and ends the session")
    func rotate() async throws {
        try await withTestApp(.sqlite) { client in
            let signedIn = try await client.send(.post, "/api/v1/auth/login", json: Self.login)
            let first = try #require(Self.value(of: "promptlib_refresh", in: signedIn))
            let refreshed = try await client.send(.post, "/api/v1/auth/refresh", json: "{}", headers: [.cookie: "promptlib_refresh=\(first); promptlib_session=1"])
            #expect(refreshed.status == .ok)
            #expect(refreshed.json["refresh_token"] == nil && refreshed.json["access_token"] is String)
            let second = try #require(Self.value(of: "promptlib_refresh", in: refreshed))
            #expect(second != first)
            let reused = try await client.send(.post, "/api/v1/auth/refresh", json: "{}", headers: [.cookie: "promptlib_refresh=\(first)"])
            #expect(reused.status == .unauthorized)
            #expect(Self.value(of: "promptlib_refresh", in: reused) == "", "a dead cookie is cleared")
            #expect(Self.cookies(reused).contains { $0.hasPrefix("promptlib_refresh=;") && $0.contains("Max-Age=0") })
            // Reuse of a retired token ends the session: the newer cookie dies with it.
            let after = try await client.send(.post, "/api/v1/auth/refresh", json: "{}", headers: [.cookie: "promptlib_refresh=\(second)"])
            #expect(after.status == .unauthorized)
        }
    }

    @Test("no token and no cookie is a 400 naming refresh_token; a form post cannot refresh")
    func missing() async throws {
        try await withTestApp(.sqlite) { client in
            let none = try await client.send(.post, "/api/v1/auth/refresh", json: "{}")
            #expect(none.status == .badRequest)
            #expect((none.json["error"] as? [String: Any])?["field"] as? String == "refresh_token")
            let signedIn = try await client.send(.post, "/api/v1/auth/login", json: Self.login)
            let token = try #require(Self.value(of: "promptlib_refresh", in: signedIn))
            // What a cross-site HTML form could send: no JSON content type.
            let form = try await client.send(.post, "/api/v1/auth/refresh", json: "", headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "promptlib_refresh=\(token)"])
            #expect(form.status == .unsupportedMediaType)
            let still = try await client.send(.post, "/api/v1/auth/refresh", json: "{}", headers: [.cookie: "promptlib_refresh=\(token)"])
            #expect(still.status == .ok, "the refused form did not spend the token")
        }
    }

    @Test("signing out clears both cookies and ends the session")
    func signOut() async throws {
        try await withTestApp(.sqlite) { client in
            let signedIn = try await client.send(.post, "/api/v1/auth/login", json: Self.login)
            let token = try #require(Self.value(of: "promptlib_refresh", in: signedIn))
            let access = try #require(signedIn.json["access_token"] as? String)
            let out = try await client.execute(uri: "/api/v1/auth/logout", method: .post, headers: [.authorization: "Bearer \(access)", .cookie: "promptlib_refresh=\(token)"])
            #expect(out.status == .noContent)
            #expect(Self.value(of: "promptlib_refresh", in: out) == "" && Self.value(of: "promptlib_session", in: out) == "")
            let again = try await client.send(.post, "/api/v1/auth/refresh", json: "{}", headers: [.cookie: "promptlib_refresh=\(token)"])
            #expect(again.status == .unauthorized)
        }
    }

    @Test("behind HTTPS the cookies are Secure")
    func secure() async throws {
        try await withTestApp(.sqlite, configure: { $0.frontendURL = "https://prompts.example.com" }) { client in
            let signedIn = try await client.send(.post, "/api/v1/auth/login", json: Self.login)
            #expect(Self.cookies(signedIn).count == 2 && Self.cookies(signedIn).allSatisfy { $0.contains("Secure") })
        }
    }
}
