/// The OpenAPI paths of bulk export and import.
enum OpenAPIExchangePaths {
    static let paths = #"""
    {
      "/api/v1/exports": {
        "post": { "tags": ["exchange"], "summary": "The prompts a filter selects, as a zip (default) or tar.gz: one file per prompt under prompts/ and a manifest.json with counts, versions and SHA-256 of every file", "operationId": "exportPrompts",
          "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "properties": {
            "filter": { "type": "object", "description": "as the list endpoint", "properties": { "q": { "type": "string" }, "tag": { "type": "string" }, "owner": { "type": "string" },
              "status": { "type": "string" }, "folder": { "type": "string" }, "include_archived": { "type": "boolean" } } },
            "format": { "type": "string", "default": "yaml", "enum": ["yaml", "json", "markdown", "openai", "openai_responses", "anthropic", "gemini", "bedrock", "llama"] },
            "include_history": { "type": "boolean", "default": false, "description": "every version: a YAML stream or a JSON array per prompt (yaml and json only)" },
            "archive": { "type": "string", "default": "zip", "enum": ["zip", "tar.gz"] } } } } } },
          "responses": { "200": { "description": "The archive", "content": { "application/zip": { "schema": { "type": "string", "format": "binary" } },
              "application/gzip": { "schema": { "type": "string", "format": "binary" } } } },
            "400": { "$ref": "#/components/responses/BadRequest" } } }
      },
      "/api/v1/imports": {
        "post": { "tags": ["exchange"], "summary": "Prompts from an export archive or one file (YAML, JSON, Markdown with front matter, any provider format); the format is detected. One import is one transaction.", "operationId": "importPrompts",
          "parameters": [
            { "name": "dry_run", "in": "query", "description": "return the plan without writing", "schema": { "type": "boolean", "default": false } },
            { "name": "on_conflict", "in": "query", "description": "for names that exist: without it they are conflicts and nothing is written", "schema": { "type": "string", "enum": ["skip", "new_version", "rename"] } },
            { "name": "format", "in": "query", "description": "instead of detecting it", "schema": { "type": "string", "enum": ["zip", "tar.gz", "yaml", "json", "markdown", "provider"] } },
            { "name": "name", "in": "query", "description": "the prompt name for a provider request PromptLib did not export (an OpenAI or Anthropic body without x_promptlib)", "schema": { "type": "string" } } ],
          "requestBody": { "required": true, "content": { "application/zip": { "schema": { "type": "string", "format": "binary" } }, "application/gzip": { "schema": { "type": "string", "format": "binary" } },
            "application/yaml": { "schema": { "type": "string" } }, "application/json": { "schema": { "type": "object" } }, "text/markdown": { "schema": { "type": "string" } } } },
          "responses": { "200": { "description": "What was (or with dry_run would be) done, prompt by prompt", "content": { "application/json": { "schema": { "type": "object", "properties": {
              "dry_run": { "type": "boolean" }, "counts": { "type": "object", "additionalProperties": { "type": "integer" } },
              "items": { "type": "array", "items": { "type": "object", "properties": { "file": { "type": "string" }, "name": { "type": "string" },
                "action": { "type": "string", "enum": ["create", "new_version", "skip", "rename", "conflict"] }, "versions": { "type": "integer" },
                "imported_as": { "type": "string" }, "reason": { "type": "string" }, "id": { "type": "string" } } } } } } } } },
            "400": { "$ref": "#/components/responses/BadRequest" }, "403": { "$ref": "#/components/responses/Error" }, "409": { "$ref": "#/components/responses/Conflict" },
            "413": { "description": "Upload, entry count, uncompressed size or compression ratio over the limits", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } } } }
      }
    }
    """#
}
