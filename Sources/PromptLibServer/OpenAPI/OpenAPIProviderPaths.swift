/// The OpenAPI paths of calls to model providers: running a prompt and testing a connection.
enum OpenAPIProviderPaths {
    static let paths = #"""
    {
      "/api/v1/prompts/{id}/run": {
        "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } },
          { "name": "stream", "in": "query", "description": "true: answer with Server-Sent Events (`delta` events with text as it arrives, then `done` with the whole run, or `error`)", "schema": { "type": "boolean" } } ],
        "post": { "tags": ["runs"], "summary": "Render a version for a connection's provider, send it, and answer with the model's output; the run is logged (figures only)", "operationId": "runPrompt",
          "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RunInput" } } } },
          "responses": {
            "200": { "description": "The model's answer", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RunOutput" } }, "text/event-stream": {} } },
            "400": { "$ref": "#/components/responses/BadRequest" }, "403": { "$ref": "#/components/responses/Forbidden" }, "404": { "$ref": "#/components/responses/NotFound" },
            "415": { "$ref": "#/components/responses/Error" }, "422": { "$ref": "#/components/responses/Error" },
            "502": { "description": "The provider refused the call or answered with something that is not its API's answer (EXTERNAL_SERVICE_ERROR)", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
            "503": { "description": "The provider is unavailable, timed out, or its circuit breaker is open (SERVICE_UNAVAILABLE, with Retry-After when known)", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } } } }
      },
      "/api/v1/connections/{id}/test": {
        "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
        "post": { "tags": ["connections"], "summary": "Send a minimal request (a few output tokens) through the connection; report the latency or the provider's error, and the breaker", "operationId": "testConnection",
          "requestBody": { "required": false, "content": { "application/json": { "schema": { "type": "object", "properties": {
            "model": { "type": "string", "minLength": 1, "maxLength": 200 }, "api": { "type": "string", "enum": ["openai", "openai_responses", "anthropic", "gemini", "bedrock"] } } } } } },
          "responses": {
            "200": { "description": "The finding: ok, or the provider's error", "content": { "application/json": { "schema": { "type": "object", "required": ["ok", "latency_ms", "model", "breaker"], "properties": {
              "ok": { "type": "boolean" }, "latency_ms": { "type": "integer" }, "model": { "type": "string" },
              "error": { "type": ["object", "null"], "required": ["code", "message"], "properties": { "code": { "type": "string" }, "message": { "type": "string" }, "status": { "type": ["integer", "null"] } } },
              "breaker": { "$ref": "#/components/schemas/Breaker" } } } } } },
            "400": { "$ref": "#/components/responses/BadRequest" }, "404": { "$ref": "#/components/responses/NotFound" }, "422": { "$ref": "#/components/responses/Error" } } }
      }
    }
    """#

    static let components = #"""
    { "schemas": {
        "Breaker": { "type": "object", "required": ["state", "consecutive_failures"], "description": "this replica's circuit breaker for the connection", "properties": {
          "state": { "type": "string", "enum": ["closed", "open", "half_open"] }, "consecutive_failures": { "type": "integer", "minimum": 0 } } },
        "RunInput": { "type": "object", "required": ["connection_id"], "properties": {
          "connection_id": { "type": "string" }, "variables": { "type": "object" }, "version": { "type": "integer", "minimum": 1 }, "label": { "type": "string" },
          "params": { "type": "object", "description": "temperature, top_p, max_tokens and provider parameters, as for render" },
          "model": { "type": "string", "minLength": 1, "maxLength": 200 },
          "api": { "type": "string", "enum": ["openai", "openai_responses", "anthropic", "gemini", "bedrock"], "description": "for OpenAI connections: openai_responses (default) or openai (Chat Completions)" } } },
        "RunOutput": { "type": "object", "required": ["output", "usage", "latency_ms", "model", "provider", "version", "warnings"], "properties": {
          "output": { "type": "string" },
          "usage": { "type": "object", "properties": { "input_tokens": { "type": ["integer", "null"] }, "output_tokens": { "type": ["integer", "null"] } } },
          "latency_ms": { "type": "integer" }, "model": { "type": "string" }, "finish_reason": { "type": ["string", "null"] },
          "provider": { "type": "string" }, "version": { "type": "integer" }, "warnings": { "type": "array", "items": { "type": "string" } } } } } }
    """#
}
