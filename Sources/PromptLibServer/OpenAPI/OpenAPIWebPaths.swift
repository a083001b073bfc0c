/// The OpenAPI paths of the web UI's pages and files, the editor's check, the model catalogue and the dashboard's
/// counts, merged into the OpenAPI document.
enum OpenAPIWebPaths {
    static let paths = #"""
    {
      "/": {
        "get": { "tags": ["web"], "summary": "The web UI", "operationId": "webUI", "security": [],
          "responses": { "200": { "description": "The UI's page (revalidated on every load)", "content": { "text/html": {} } } } }
      },
      "/s/{token}": {
        "parameters": [ { "name": "token", "in": "path", "required": true, "schema": { "type": "string" } } ],
        "get": { "tags": ["web"], "summary": "A share link opened in a browser: the UI's read-only page of the shared version, with a password form when the link has one", "operationId": "webSharePage", "security": [],
          "responses": { "200": { "description": "The UI's page; it reads the link through /api/v1/shared/{token}", "content": { "text/html": {} } } } }
      },
      "/assets/{version}/**": {
        "parameters": [ { "name": "version", "in": "path", "required": true, "description": "the build's asset version; any other serves today's files uncached", "schema": { "type": "string" } } ],
        "get": { "tags": ["web"], "summary": "The UI's scripts, styles and images (any path below the version); cached for a year under the build's version", "operationId": "webAsset", "security": [],
          "responses": { "200": { "description": "The file" }, "404": { "$ref": "#/components/responses/NotFound" } } }
      },
      "/api/v1/prompts/validate": {
        "post": { "tags": ["prompts"], "summary": "Check a prompt document without saving it; answers every broken rule, and the document as JSON and YAML", "operationId": "validatePrompt",
          "requestBody": { "$ref": "#/components/requestBodies/PromptInput" },
          "responses": {
            "200": { "description": "The check", "content": { "application/json": { "schema": { "type": "object", "required": ["valid", "problems", "warnings", "document", "yaml"], "properties": {
              "valid": { "type": "boolean" },
              "problems": { "type": "array", "items": { "$ref": "#/components/schemas/FieldProblem" } },
              "warnings": { "type": "array", "items": { "$ref": "#/components/schemas/FieldProblem" } },
              "document": { "type": "object" }, "yaml": { "type": "string" } } } } } },
            "400": { "$ref": "#/components/responses/BadRequest" }, "413": { "$ref": "#/components/responses/Error" }, "415": { "$ref": "#/components/responses/Error" } } }
      },
      "/api/v1/models": {
        "get": { "tags": ["render"], "summary": "The model catalogue renders use: per provider, the default, reasoning models, context windows and announced end-of-life dates", "operationId": "listModels",
          "parameters": [ { "$ref": "#/components/parameters/Limit" }, { "$ref": "#/components/parameters/Cursor" },
            { "name": "provider", "in": "query", "schema": { "type": "string", "enum": ["openai", "openai_responses", "anthropic", "gemini", "bedrock", "llama"] } } ],
          "responses": { "200": { "description": "Models, newest first per provider", "content": { "application/json": { "schema": { "type": "object", "required": ["data", "page"], "properties": {
            "data": { "type": "array", "items": { "type": "object", "required": ["provider", "model", "family", "reasoning", "context_window", "deprecated_on", "default"], "properties": {
              "provider": { "type": "string" }, "model": { "type": "string" }, "family": { "type": "string" }, "reasoning": { "type": "boolean" },
              "context_window": { "type": ["integer", "null"] }, "deprecated_on": { "type": ["string", "null"] }, "default": { "type": "boolean" } } } },
            "page": { "$ref": "#/components/schemas/PageInfo" } } } } } },
            "400": { "$ref": "#/components/responses/BadRequest" } } }
      },
      "/api/v1/stats": {
        "get": { "tags": ["prompts"], "summary": "The dashboard's counts: live prompts, versions in the last 7 days, ratings, accounts active in the last 7 days, the best-rated prompts", "operationId": "stats",
          "responses": { "200": { "description": "Counts", "content": { "application/json": { "schema": { "type": "object", "required": ["prompts", "versions_this_week", "ratings", "active_users", "top_rated"], "properties": {
            "prompts": { "type": "integer" }, "versions_this_week": { "type": "integer" }, "ratings": { "type": "integer" }, "active_users": { "type": "integer" },
            "top_rated": { "type": "array", "description": "the five live prompts with the best average rating", "items": { "type": "object", "required": ["id", "name", "title", "average", "count"], "properties": {
              "id": { "type": "string" }, "name": { "type": "string" }, "title": { "type": "string" }, "average": { "type": "number" }, "count": { "type": "integer" } } } } } } } } } } }
      }
    }
    """#

    static let components = #"""
    { "schemas": { "FieldProblem": { "type": "object", "required": ["field", "message"], "properties": { "field": { "type": "string" }, "message": { "type": "string" } } } } }
    """#
}
