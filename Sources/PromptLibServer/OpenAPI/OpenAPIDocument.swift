import Foundation

/// The OpenAPI 3.1 document served at `/api/openapi.json`, assembled once from its parts.
enum OpenAPIDocument {
    /// The serialised document.
    static let data: Data = {
        let paths = merge([OpenAPIPaths.json, OpenAPIIdentityPaths.json, OpenAPIRenderPaths.paths, OpenAPIExchangePaths.paths, OpenAPISharePaths.paths])
        let components = merge([OpenAPIComponents.json, OpenAPIIdentityComponents.json, OpenAPIRenderPaths.components, OpenAPISharePaths.components])
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": [
                "title": "PromptLib API",
                "version": PromptLibVersion.current,
                "description": "Write, version, review, render and ship prompts. Every route but health, the documents, "
                    + "login and refresh needs `Authorization: Bearer <access token>`. Errors use one envelope: "
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
