import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibTestSupport
import Testing

/// The web UI as the server delivers it: the page, its versioned files and the policy that keeps
/// scripts to this origin. What the UI does is proven in a real browser (scripts/browser).
@Suite("Web UI delivery")
struct WebUITests {
    @Test("the root and a share link serve the page: revalidated, framed by nobody, no inline script allowed")
    func page() async throws {
        try await withTestApp(.sqlite) { client in
            for path in ["/", "/s/pls_anything"] {
                let response = try await client.get(path)
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.cacheControl] == "no-cache")
                let policy = try #require(response.headers[.contentSecurityPolicy])
                #expect(policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"))
                #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"), "\(policy)")
                let html = String(buffer: response.body)
                #expect(html.contains("<script type=\"module\" src=\"\(WebAssets.embedded.base)app.js\"></script>"))
                #expect(!html.contains("{{"), "every placeholder is filled")
                #expect(!html.contains("<script>") && !html.contains(" style="), "nothing inline")
            }
        }
    }

    @Test("every file the page names is served, cached for a year under this build's version")
    func assets() async throws {
        let assets = WebAssets.embedded
        #expect(assets.version.count == 12)
        #expect(assets.files.count >= 20, "the UI's modules are embedded: \(assets.files.keys.sorted())")
        try await withTestApp(.sqlite) { client in
            let html = String(buffer: try await client.get("/").body)
            let named = html.matches(of: #/(?:href|src)="(/assets/[^"]+)"/#).map { String($0.1) }
            // Every module is preloaded, so the browser fetches them all at once.
            let modules = assets.files.keys.filter { $0.hasSuffix(".js") }
            #expect(Set(named.filter { $0.hasSuffix(".js") }) == Set(modules.map { assets.base + $0 }))
            for path in Set(named) {
                let response = try await client.get(path)
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
                let expected = path.hasSuffix(".js") ? "text/javascript; charset=utf-8" : path.hasSuffix(".css") ? "text/css; charset=utf-8" : "image/svg+xml"
                #expect(response.headers[.contentType] == expected, "\(path)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
            let missing = try await client.get("\(assets.base)no-such-file.js")
            #expect(missing.status == .notFound && missing.json["error"] != nil)
            let traversal = try await client.get("\(assets.base)../../api/health")
            #expect([.notFound, .badRequest].contains(traversal.status), "a path outside the UI's files is never served from it")
            // A page from before an upgrade still gets today's files, but nothing keeps them.
            let old = try await client.get("/assets/000000000000/app.js")
            #expect(old.status == .ok && old.headers[.cacheControl] == "no-cache")
        }
    }

    @Test("every relative import between the modules names an embedded file")
    func importsResolve() {
        let files = WebAssets.embedded.files
        for (path, asset) in files where path.hasSuffix(".js") {
            let source = String(buffer: asset.body)
            let folder = path.split(separator: "/").dropLast().map(String.init)
            for match in source.matches(of: #/from '(\.{1,2}/[^']+)'/#) {
                var parts = folder
                for piece in match.1.split(separator: "/") {
                    if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
                }
                #expect(files[parts.joined(separator: "/")] != nil, "\(path) imports \(match.1), which is not embedded")
            }
        }
    }

    @Test("the asset version follows the content")
    func versionFollowsContent() {
        let one = WebAssets(files: [("app.js", Data("a".utf8)), ("index.html", Data("{{ASSETS}}app.js".utf8))])
        let two = WebAssets(files: [("app.js", Data("b".utf8)), ("index.html", Data("{{ASSETS}}app.js".utf8))])
        #expect(one.version != two.version)
        #expect(String(buffer: one.page) == "/assets/\(one.version)/app.js")
    }
}
