import Foundation

/// The OpenAPI 3.1 document served at `/api/openapi.json`, assembled once from its parts.
enum OpenAPIDocument {
    /// The serialised document.
    static let data: Data = {
        let paths = withCommonResponses(merge([OpenAPIPaths.json, OpenAPIIdentityPaths.json, OpenAPIRenderPaths.paths, OpenAPIExchangePaths.paths, OpenAPISharePaths.paths, OpenAPIWebPaths.paths, OpenAPIProviderPaths.paths, OpenAPIEnhancementPaths.paths, OpenAPIRealtimePaths.paths, OpenAPIWebhookPaths.paths]))
        let components = merge([OpenAPIComponents.json, OpenAPIIdentityComponents.json, OpenAPIRenderPaths.components, OpenAPISharePaths.components, OpenAPIWebPaths.components, OpenAPIProviderPaths.components, OpenAPIEnhancementPaths.components, OpenAPIWebhookPaths.components])
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": [
                "title": "PromptLib API",
                "version": PromptLibVersion.current,
                "description": "Write, version, review, render and ship prompts. Every route but health, the documents, "
                    + "the web UI's page and files, login and refresh needs `Authorization: Bearer <access token>`. Errors use one envelope: "
                    + "{\"error\": {\"code\", \"message\", \"field\", \"details\"}, \"request_id\"}.",
            ],
            "servers": [["url": "/"]],
            "security": [["bearer": [String]()]],
            "paths": paths,
            "components": components,
        ]
        // The parts are literals in this module, checked by tests, so failing here is a build defect.
        return try! JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])
    }()

    /// Adds the answers any operation can give, whatever it does, where its own entry does not
    /// describe them: 400 (control characters in the path or query, bad parameters), 401 (a bad
    /// `Authorization` header is refused on every route), 403 (routes that need a role), 404
    /// (routes with path parameters), 413 and 415 (routes with a body), 429 and 503 (the API
    /// under `/api/v1`: rate limits, database outages).
    static func withCommonResponses(_ paths: [String: Any]) -> [String: Any] {
        var out: [String: Any] = [:]
        for (path, value) in paths {
            guard var item = value as? [String: Any] else { out[path] = value; continue }
            for method in ["get", "put", "post", "patch", "delete"] {
                guard var operation = item[method] as? [String: Any] else { continue }
                var responses = operation["responses"] as? [String: Any] ?? [:]
                var codes = ["400", "401"]
                if (operation["security"] as? [Any])?.isEmpty != true { codes.append("403") }
                if path.contains("{") { codes.append("404") }
                if operation["requestBody"] != nil { codes += ["413", "415"] }
                if path.hasPrefix("/api/v1/") { codes += ["429", "503"] }
                for code in codes where responses[code] == nil { responses[code] = ["$ref": "#/components/responses/Error"] }
                operation["responses"] = responses
                item[method] = operation
            }
            out[path] = item
        }
        return out
    }

    /// Merges JSON objects two levels deep: `{"schemas": {...}}` parts add to each other's sections.
    private static func merge(_ parts: [String]) -> [String: Any] {
        var merged: [String: Any] = [:]
        for part in parts {
            let object = (try! JSONSerialization.jsonObject(with: Data(part.utf8))) as! [String: Any]
            for (key, value) in object {
                if let section = value as? [String: Any], let existing = merged[key] as? [String: Any] {
                    merged[key] = existing.merging(section) { first, _ in first }
                } else {
                    merged[key] = value
                }
            }
        }
        return merged
    }
}
