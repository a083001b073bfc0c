import Foundation

/// The OpenAPI 3.1 document served at `/api/openapi.json`, assembled once from its parts.
enum OpenAPIDocument {
    /// The serialised document.
    static let data: Data = {
        // The parts are literals in this module, checked by tests, so failing to parse them is a build defect.
        let paths = try! JSONSerialization.jsonObject(with: Data(OpenAPIPaths.json.utf8))
        let components = try! JSONSerialization.jsonObject(with: Data(OpenAPIComponents.json.utf8))
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": [
                "title": "PromptLib API",
                "version": PromptLibVersion.current,
                "description": "Write, version, review, render and ship prompts. Errors use one envelope: "
                    + "{\"error\": {\"code\", \"message\", \"field\", \"details\"}, \"request_id\"}.",
            ],
            "servers": [["url": "/"]],
            "paths": paths,
            "components": components,
        ]
        return try! JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])
    }()
}
