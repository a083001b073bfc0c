import Crypto
import Foundation
import NIOCore
import PromptLibCore

/// The web UI's files, decoded once from the copy the build embedded (``WebAssetFiles``).
///
/// They are served under `/assets/{version}/…`, where the version is a hash of every file: the
/// URLs change whenever any file does, so browsers may keep them for a year, and ES modules still
/// import each other by relative path.
struct WebAssets: Sendable {
    /// One servable file.
    struct Asset: Sendable {
        let body: ByteBuffer
        let contentType: String
    }

    /// The first 12 hex digits of the SHA-256 of every path and file.
    let version: String
    /// Files by their path under `web/`, except the page templates.
    let files: [String: Asset]
    /// `index.html` with its asset URLs filled in.
    let page: ByteBuffer

    /// Where the assets of this build are served.
    var base: String { "/assets/\(version)/" }

    /// The UI this binary was built with.
    static let embedded = WebAssets(files: WebAssetFiles.all.map { ($0.path, Data(base64Encoded: $0.base64) ?? Data()) })

    init(files entries: [(path: String, data: Data)]) {
        var hash = SHA256()
        for (path, data) in entries {
            hash.update(data: Data(path.utf8))
            hash.update(data: data)
        }
        version = String(Hex.encode(hash.finalize()).prefix(12))
        var files: [String: Asset] = [:]
        var template = "<!doctype html><title>PromptLib</title><p>This build has no web UI.</p>"
        for (path, data) in entries {
            if path == "index.html" {
                template = String(decoding: data, as: UTF8.self)
            } else {
                files[path] = Asset(body: ByteBuffer(bytes: data), contentType: Self.contentType(of: path))
            }
        }
        self.files = files
        let base = "/assets/\(version)/"
        // Every module is preloaded from the page itself: the browser fetches them in parallel
        // instead of discovering imports one level at a time.
        let preloads = files.keys.filter { $0.hasSuffix(".js") }.sorted()
            .map { "<link rel=\"modulepreload\" href=\"\(base)\($0)\">" }
            .joined(separator: "\n    ")
        let html = template
            .replacingOccurrences(of: "{{MODULE_PRELOADS}}", with: preloads)
            .replacingOccurrences(of: "{{ASSETS}}", with: base)
        page = ByteBuffer(string: html)
    }

    static func contentType(of path: String) -> String {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) {
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "html": "text/html; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "ico": "image/x-icon"
        case "json", "webmanifest": "application/json; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
