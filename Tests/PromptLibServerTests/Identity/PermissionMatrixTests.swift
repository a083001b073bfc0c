import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibCore
import PromptLibTestSupport
import Testing

/// Walks every route of the router × {anonymous, viewer, user, owner, admin} and checks each
/// answer against ``PermissionMatrix``: a route without an entry fails here.
@Suite("Permission matrix")
struct PermissionMatrixTests {
    enum Principal: String, CaseIterable { case anonymous, viewer, user, owner, admin }

    /// Routes where, beyond the role, only the prompt's owner or an admin is allowed.
    static let ownerOnly: Set<String> = [
        "PUT /api/v1/prompts/{id}", "DELETE /api/v1/prompts/{id}", "POST /api/v1/prompts/{id}/restore",
        "PUT /api/v1/prompts/{id}/collaborators/{username}", "DELETE /api/v1/prompts/{id}/collaborators/{username}",
        "PUT /api/v1/prompts/{id}/labels/{label}",
        "POST /api/v1/prompts/{id}/shares", "GET /api/v1/prompts/{id}/shares", "DELETE /api/v1/prompts/{id}/shares/{share}",
    ]
    static let denials: Set<String> = ["AUTHENTICATION_REQUIRED", "PERMISSION_DENIED"]

    @Test("every route has a matrix entry")
    func everyRouteClassified() async throws {
        let routes = try await servedRoutes()
        let missing = routes.filter { route in
            let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
            return PermissionMatrix.access(method: parts[0], path: parts[1]) == nil
        }
        #expect(missing.isEmpty, "routes without a permission entry: \(missing)")
        #expect(Set(PermissionMatrix.routes.keys).subtracting(routes).isEmpty, "entries for routes that do not exist")
    }

    @Test("the matrix says what the product promises")
    func promises() {
        for (route, access) in PermissionMatrix.routes {
            let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
            let (method, path) = (parts[0], parts[1])
            if path.hasPrefix("/api/v1/users") || path.hasPrefix("/api/v1/audit-events") {
                #expect(access == .role(.admin), "\(route) is for admins only")
            } else if path.hasPrefix("/api/v1/api-keys") || path.hasPrefix("/api/v1/connections") {
                #expect(access == .role(.user), "\(route): users manage their own keys and connections")
            } else if path.hasPrefix("/api/v1/prompts") && path.contains("/shares") {
                #expect(access == .role(.user), "\(route): sharing is for those who may write the prompt")
            } else if path.hasPrefix("/api/v1/prompts") {
                // Viewers read, rate and render; writing needs a user.
                let readOnly = method == "GET" || path.hasSuffix("/ratings/mine") || path.hasSuffix("/render") || path.hasSuffix("/render/compare")
                    || path.hasSuffix("/validate")
                #expect(access == .role(readOnly ? .viewer : .user), "\(route)")
            } else if path.hasPrefix("/api/v1/enhancements") {
                #expect(access == .role(.user), "\(route): enhancing works towards a new version, and may spend a connection's tokens")
            } else if path == "/api/v1/imports" {
                #expect(access == .role(.user), "importing writes prompts")
            } else if path.hasPrefix("/api/v1/webhooks") {
                #expect(access == .role(.user), "\(route): users register webhooks for the prompts they own")
            } else if path == "/api/v1/ws" {
                #expect(access == .anyone, "the WebSocket upgrade's credential is its ticket, checked before routing")
            } else if ["/api/v1/auth/login", "/api/v1/auth/refresh"].contains(path) || path.hasPrefix("/api/v1/shared/") || !path.hasPrefix("/api/v1/") {
                #expect(access == .anyone, "\(route) is public")
            } else {
                #expect(access == .role(.viewer), "\(route) needs any signed-in account")
            }
        }
    }

    @Test("every route answers every principal as the matrix says", arguments: TestEngine.available)
    func matrix(engine: TestEngine) async throws {
        let routes = try await servedRoutes().sorted { a, b in
            // Ending sessions last keeps every principal's token usable for the other routes.
            (a.hasSuffix("/logout") ? 1 : 0, a) < (b.hasSuffix("/logout") ? 1 : 0, b)
        }
        try await withAdminApp(engine) { client, admin in
            _ = try await client.createUser("vic", role: "viewer", admin: admin)
            _ = try await client.createUser("uma", role: "user", admin: admin)
            _ = try await client.createUser("oscar", role: "user", admin: admin)
            let target = try await client.createUser("target", role: "viewer", admin: admin)
            let password = "Another-good-passphrase-9"
            let tokens: [Principal: String] = [
                .viewer: try await client.login("vic", password), .user: try await client.login("uma", password),
                .owner: try await client.login("oscar", password), .admin: admin,
            ]
            let prompt = try await client.createPrompt("matrix/owned", token: tokens[.owner]!)
            var failures: [String] = []
            // The upgrade's ticket check answers 401 to everyone who reaches the route
            // (RealtimeTests shows the upgrade itself).
            for route in routes where route != "GET /api/v1/ws" {
                let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
                let (method, pattern) = (parts[0], parts[1])
                let uri = pattern.replacingOccurrences(of: "/api/v1/users/{id}", with: "/api/v1/users/\(target)")
                    .replacingOccurrences(of: "/api/v1/connections/{id}", with: "/api/v1/connections/\(UUID().uuidString.lowercased())")
                    .replacingOccurrences(of: "/api/v1/auth/sessions/{id}", with: "/api/v1/auth/sessions/\(UUID().uuidString.lowercased())")
                    .replacingOccurrences(of: "{id}", with: prompt).replacingOccurrences(of: "{version}", with: "1")
                    .replacingOccurrences(of: "{username}", with: "target").replacingOccurrences(of: "{label}", with: "staging")
                    .replacingOccurrences(of: "{name}", with: "matrix%2Fowned")
                for principal in Principal.allCases {
                    var headers: HTTPFields = [.contentType: "application/json"]
                    if let token = tokens[principal] { headers[.authorization] = "Bearer \(token)" }
                    let body = Self.body(method: method, pattern: pattern, principal: principal)
                    let response = try await client.execute(
                        uri: uri, method: HTTPRequest.Method(method)!, headers: headers, body: body.map { ByteBuffer(string: $0) }
                    )
                    let denied = response.errorCode.map(Self.denials.contains) ?? false
                    let expected = Self.expectDenied(route: route, method: method, pattern: pattern, principal: principal)
                    if denied != (expected != nil) || (expected != nil && response.errorCode != expected) {
                        failures.append("\(route) as \(principal): got \(response.status.code) \(response.errorCode ?? "-"), expected \(expected ?? "allowed")")
                    }
                }
            }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }

    /// The error code the matrix requires for `principal`, or `nil` when the call must be allowed.
    static func expectDenied(route: String, method: String, pattern: String, principal: Principal) -> String? {
        guard let access = PermissionMatrix.access(method: method, path: pattern) else { return "PERMISSION_DENIED" }
        guard case .role(let required) = access else { return nil }
        let role: Role? = switch principal {
        case .anonymous: nil
        case .viewer: .viewer
        case .user, .owner: .user
        case .admin: .admin
        }
        guard let role else { return "AUTHENTICATION_REQUIRED" }
        if role < required { return "PERMISSION_DENIED" }
        if ownerOnly.contains(route) && principal == .user { return "PERMISSION_DENIED" }
        return nil
    }

    static func body(method: String, pattern: String, principal: Principal) -> String? {
        guard ["POST", "PUT", "PATCH"].contains(method) else { return nil }
        switch pattern {
        case "/api/v1/prompts": return promptJSON("matrix/new-\(principal.rawValue)", goal: "Hi {{who}}")
        case "/api/v1/prompts/{id}": return promptJSON("matrix/owned", goal: "Edited by \(principal.rawValue) {{who}}")
        case "/api/v1/prompts/{id}/labels/{label}": return #"{"version":1}"#
        default: return "{}"
        }
    }
}
