/// The OpenAPI paths and schemas of rendering and export.
enum OpenAPIRenderPaths {
    static let paths = #"""
    {
      "/api/v1/prompts/{id}/render": {
        "parameters": [ { "$ref": "#/components/parameters/PromptID" } ],
        "post": { "tags": ["render"], "summary": "A version (default: production, else latest) with values, as one provider's API takes it", "operationId": "render",
          "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RenderRequest" } } } },
          "responses": { "200": { "description": "The render", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Render" } } } },
            "400": { "$ref": "#/components/responses/BadRequest" }, "404": { "$ref": "#/components/responses/NotFound" },
            "422": { "description": "Values or settings the render cannot use, one detail each", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } } } }
      },
      "/api/v1/prompts/{id}/render/compare": {
        "parameters": [ { "$ref": "#/components/parameters/PromptID" } ],
        "post": { "tags": ["render"], "summary": "One render per provider listed in providers; a provider whose settings are out of range gets an error entry", "operationId": "renderCompare",
          "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RenderRequest" } } } },
          "responses": { "200": { "description": "The renders", "content": { "application/json": { "schema": { "type": "object", "properties": {
            "version": { "type": "integer" }, "resolved": { "type": "array", "items": { "type": "object" } },
            "renders": { "type": "array", "items": { "oneOf": [ { "$ref": "#/components/schemas/Render" },
              { "type": "object", "required": ["provider", "error"], "properties": { "provider": { "type": "string" }, "error": { "type": "object" } } } ] } } } } } } },
            "400": { "$ref": "#/components/responses/BadRequest" }, "404": { "$ref": "#/components/responses/NotFound" },
            "422": { "description": "Values the prompt cannot use", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } } } }
      },
      "/api/v1/prompts/{id}/export": {
        "parameters": [ { "$ref": "#/components/parameters/PromptID" } ],
        "get": { "tags": ["render"], "summary": "A version as a downloadable file", "operationId": "exportPrompt",
          "parameters": [
            { "name": "format", "in": "query", "schema": { "type": "string", "default": "yaml", "enum": ["yaml", "json", "markdown", "openai", "openai_responses", "anthropic", "gemini", "bedrock", "llama"] } },
            { "name": "version", "in": "query", "schema": { "type": "integer", "minimum": 1 } },
            { "name": "label", "in": "query", "schema": { "type": "string" } },
            { "name": "variables", "in": "query", "description": "provider formats: a JSON object of values to substitute; without it {{variables}} stay in place", "schema": { "type": "string" } } ],
          "responses": { "200": { "description": "The file, with Content-Disposition naming it", "content": {
              "application/yaml": { "schema": { "type": "object", "description": "the canonical YAML document" } }, "application/json": { "schema": { "type": "object" } }, "text/markdown": { "schema": { "type": "string" } } } },
            "400": { "$ref": "#/components/responses/BadRequest" }, "404": { "$ref": "#/components/responses/NotFound" },
            "422": { "description": "Values the prompt cannot use", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } } } }
      }
    }
    """#

    static let components = #"""
    {
      "schemas": {
        "RenderRequest": { "type": "object", "properties": {
          "provider": { "type": "string", "enum": ["openai", "openai_responses", "anthropic", "gemini", "bedrock", "llama"], "description": "render" },
          "providers": { "type": "array", "items": { "type": "string", "enum": ["openai", "openai_responses", "anthropic", "gemini", "bedrock", "llama"] }, "description": "render/compare" },
          "model": { "type": "string" }, "variables": { "type": "object" }, "version": { "type": "integer", "minimum": 1 }, "label": { "type": "string" },
          "params": { "type": "object", "description": "temperature, top_p and max_tokens override the prompt's; other keys are provider parameters (dropped with a warning where the provider's API has no such parameter)" } } },
        "Render": { "type": "object", "required": ["provider", "model", "payload", "messages", "token_estimate", "warnings", "version", "variables"], "properties": {
          "provider": { "type": "string" }, "model": { "type": "string" }, "payload": { "type": "object", "description": "the provider's request body" },
          "messages": { "type": "array", "items": { "type": "object", "properties": { "role": { "type": "string" }, "content": { "type": "string" } } } },
          "text": { "type": "string", "description": "llama: the Llama 3 chat template as one string" },
          "token_estimate": { "type": "integer" }, "warnings": { "type": "array", "items": { "type": "string" } }, "version": { "type": "integer" },
          "variables": { "type": "array", "items": { "$ref": "#/components/schemas/Variable" },
            "description": "the variables this render took: the prompt's own and those its includes bring" },
          "resolved": { "type": "array", "items": { "type": "object" } } } }
      }
    }
    """#
}
