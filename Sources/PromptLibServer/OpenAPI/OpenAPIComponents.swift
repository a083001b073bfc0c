/// The `components` object of the OpenAPI document: schemas, shared parameters and responses.
enum OpenAPIComponents {
    static let json = #"""
    {
      "parameters": {
        "PromptID": { "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } },
        "Resolve": { "name": "resolve", "in": "query", "description": "replace {{> name}}, {{> name@label}} and {{> name@N}} with those prompts' text; the answer lists them in resolved", "schema": { "type": "boolean", "default": false } },
        "Format": { "name": "format", "in": "query", "description": "yaml for the canonical YAML document", "schema": { "type": "string", "enum": ["json", "yaml"] } },
        "Limit": { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 200, "default": 50 } },
        "Cursor": { "name": "cursor", "in": "query", "description": "next_cursor of the previous page", "schema": { "type": "string" } }
      },
      "requestBodies": {
        "PromptInput": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PromptInput" } },
          "application/yaml": { "schema": { "$ref": "#/components/schemas/PromptInput" } } } }
      },
      "responses": {
        "Prompt": { "description": "The prompt with its latest version (YAML with Accept: application/yaml or ?format=yaml)", "headers": { "ETag": { "schema": { "type": "string" } } },
          "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Prompt" } }, "application/yaml": { "schema": { "$ref": "#/components/schemas/PromptInput" } } } },
        "BadRequest": { "description": "Invalid input; error.field names the field", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
        "NotFound": { "description": "No such resource", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
        "Conflict": { "description": "Name taken, or the prompt is archived", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
        "Collaborators": { "description": "The prompt's collaborators", "content": { "application/json": { "schema": { "type": "object", "required": ["data", "page"], "properties": {
          "data": { "type": "array", "items": { "type": "object", "properties": { "username": { "type": "string" }, "added_by": { "type": "string" },
            "added_at": { "type": "string", "format": "date-time" } } } }, "page": { "$ref": "#/components/schemas/PageInfo" } } } } } },
        "Error": { "description": "Error", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
      },
      "schemas": {
        "Error": { "type": "object", "required": ["error", "request_id"], "properties": {
          "error": { "type": "object", "required": ["code", "message"], "properties": {
            "code": { "type": "string", "enum": ["AUTHENTICATION_REQUIRED", "INVALID_CREDENTIALS", "TOKEN_EXPIRED", "TOKEN_INVALID", "PERMISSION_DENIED", "VALIDATION_ERROR", "NOT_FOUND", "ALREADY_EXISTS", "CONFLICT", "PRECONDITION_REQUIRED", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "RATE_LIMIT_EXCEEDED", "SERVICE_UNAVAILABLE", "EXTERNAL_SERVICE_ERROR", "INTERNAL_SERVER_ERROR", "GONE"] },
            "message": { "type": "string" }, "field": { "type": "string" },
            "details": { "type": "array", "items": { "type": "object", "properties": { "field": { "type": "string" }, "message": { "type": "string" } } } } } },
          "request_id": { "type": "string" } } },
        "Variable": { "type": "object", "required": ["name"], "properties": {
          "name": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" },
          "type": { "type": "string", "enum": ["string", "number", "integer", "boolean", "enum", "list", "json"], "default": "string" },
          "required": { "type": "boolean" }, "description": { "type": "string" },
          "options": { "type": "array", "items": { "type": "string" } }, "default": {}, "sensitive": { "type": "boolean" } } },
        "PromptBody": { "type": "object", "required": ["goal"], "properties": {
          "goal": { "type": "string" }, "audience": { "type": "string" }, "context": { "type": "string" },
          "steps": { "type": "array", "items": { "type": "string" } }, "constraints": { "type": "array", "items": { "type": "string" } },
          "output": { "type": "object", "properties": { "format": { "type": "string" }, "fields": { "type": "array", "items": { "type": "string" } } } },
          "examples": { "type": "array", "items": { "type": "object", "required": ["input", "output"], "properties": { "input": { "type": "string" }, "output": { "type": "string" } } } },
          "messages": { "type": "array", "items": { "type": "object", "required": ["role", "content"], "properties": {
            "role": { "type": "string", "enum": ["system", "user", "assistant"] }, "content": { "type": "string" } } } } } },
        "Model": { "type": "object", "properties": { "provider": { "type": "string" }, "name": { "type": "string" },
          "temperature": { "type": "number", "minimum": 0, "maximum": 2 }, "max_tokens": { "type": "integer", "minimum": 1 },
          "top_p": { "type": "number", "minimum": 0, "maximum": 1 }, "params": { "type": "object" } } },
        "PromptInput": { "type": "object", "required": ["name", "title", "prompt"], "properties": {
          "schema": { "type": "string", "const": "promptlib/v1" },
          "name": { "type": "string", "pattern": "^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*$", "maxLength": 200 },
          "title": { "type": "string", "maxLength": 200 }, "summary": { "type": "string", "maxLength": 500 },
          "tags": { "type": "array", "maxItems": 20, "items": { "type": "string", "maxLength": 50 } }, "owner": { "type": "string" },
          "status": { "type": "string", "enum": ["draft", "active", "archived"] },
          "commit_message": { "type": "string" }, "prompt": { "$ref": "#/components/schemas/PromptBody" },
          "base_version": { "type": "integer", "description": "on PUT, instead of If-Match: the version edited" },
          "variables": { "type": "array", "items": { "$ref": "#/components/schemas/Variable" } },
          "model": { "$ref": "#/components/schemas/Model" } } },
        "Prompt": { "allOf": [ { "$ref": "#/components/schemas/PromptInput" }, { "type": "object",
          "required": ["id", "version", "author", "created_at", "updated_at"], "properties": {
            "id": { "type": "string", "format": "uuid" }, "version": { "type": "integer" },
            "labels": { "type": "array", "items": { "type": "string" } }, "author": { "type": "string" },
            "created_at": { "type": "string", "format": "date-time" }, "updated_at": { "type": "string", "format": "date-time" },
            "archived_at": { "type": ["string", "null"], "format": "date-time" },
            "warnings": { "type": "array", "description": "on writes: problems that did not stop the save, such as unused variables",
              "items": { "type": "object", "properties": { "field": { "type": "string" }, "message": { "type": "string" } } } } } } ] },
        "PromptVersion": { "allOf": [ { "$ref": "#/components/schemas/PromptInput" }, { "type": "object",
          "required": ["prompt_id", "version", "author", "created_at"], "properties": {
            "prompt_id": { "type": "string", "format": "uuid" }, "version": { "type": "integer" }, "author": { "type": "string" },
            "created_at": { "type": "string", "format": "date-time" } } } ] },
        "Diff": { "type": "object", "required": ["from_version", "to_version", "changes", "unified"], "properties": {
          "from_version": { "type": "integer" }, "to_version": { "type": "integer" },
          "changes": { "type": "array", "items": { "type": "object", "properties": { "field": { "type": "string" }, "from": {}, "to": {} } } },
          "variables_added": { "type": "array", "items": { "type": "string" } }, "variables_removed": { "type": "array", "items": { "type": "string" } },
          "variables_changed": { "type": "array", "items": { "type": "string" } }, "tags_added": { "type": "array", "items": { "type": "string" } },
          "tags_removed": { "type": "array", "items": { "type": "string" } }, "unified": { "type": "string" } } },
        "Rating": { "type": "object", "properties": { "username": { "type": "string" }, "version": { "type": "integer" },
          "score": { "type": "integer" }, "note": { "type": ["string", "null"] }, "rated_at": { "type": "string", "format": "date-time" } } },
        "RatingSummary": { "type": "object", "properties": { "average": { "type": ["number", "null"] }, "count": { "type": "integer" },
          "histogram": { "type": "object", "additionalProperties": { "type": "integer" } } } },
        "Run": { "type": "object", "required": ["success"], "properties": { "version": { "type": "integer" }, "provider": { "type": "string" },
          "model": { "type": "string" }, "success": { "type": "boolean" }, "latency_ms": { "type": "integer", "minimum": 0 },
          "input_tokens": { "type": "integer", "minimum": 0 }, "output_tokens": { "type": "integer", "minimum": 0 }, "note": { "type": "string" },
          "recorded_by": { "type": "string", "readOnly": true }, "recorded_at": { "type": "string", "format": "date-time", "readOnly": true } } },
        "Folder": { "type": "object", "properties": { "path": { "type": "string" }, "name": { "type": "string" }, "count": { "type": "integer" },
          "children": { "type": "array", "items": { "$ref": "#/components/schemas/Folder" } } } },
        "LabelMove": { "type": "object", "required": ["label", "version", "moved_by", "moved_at", "removed"], "properties": {
          "label": { "type": "string" }, "removed": { "type": "boolean", "description": "the move removed the label; version is where it pointed" }, "from_version": { "type": ["integer", "null"] }, "version": { "type": "integer" },
          "moved_by": { "type": "string" }, "moved_at": { "type": "string", "format": "date-time" } } },
        "VersionSummary": { "type": "object", "required": ["version", "name", "author", "created_at"], "properties": {
          "version": { "type": "integer" }, "name": { "type": "string" }, "author": { "type": "string" },
          "created_at": { "type": "string", "format": "date-time" }, "commit_message": { "type": ["string", "null"] } } },
        "PageInfo": { "type": "object", "required": ["next_cursor", "limit"], "properties": {
          "next_cursor": { "type": ["string", "null"] }, "limit": { "type": "integer" } } },
        "PromptList": { "type": "object", "required": ["data", "page"], "properties": {
          "data": { "type": "array", "items": { "$ref": "#/components/schemas/Prompt" } }, "page": { "$ref": "#/components/schemas/PageInfo" } } },
        "VersionList": { "type": "object", "required": ["data", "page"], "properties": {
          "data": { "type": "array", "items": { "$ref": "#/components/schemas/VersionSummary" } }, "page": { "$ref": "#/components/schemas/PageInfo" } } },
        "Health": { "type": "object", "required": ["status", "version", "uptime_seconds", "checks"], "properties": {
          "status": { "type": "string", "enum": ["healthy", "degraded", "unhealthy"] }, "version": { "type": "string" },
          "uptime_seconds": { "type": "integer" },
          "checks": { "type": "object", "properties": {
            "database": { "type": "object", "properties": { "status": { "type": "string" }, "engine": { "type": "string" },
              "latency_ms": { "type": ["number", "null"] }, "error": { "type": ["string", "null"] } } },
            "storage": { "type": "object", "properties": { "status": { "type": "string" }, "free_bytes": { "type": ["integer", "null"] } } },
            "cache": { "type": "object", "properties": { "status": { "type": "string" }, "backend": { "type": "string", "enum": ["in-process", "redis", "off"] },
              "error": { "type": ["string", "null"] } } },
            "providers": { "type": "object", "description": "This replica's circuit breakers of provider connections; degraded while any is open (the server's own status is not changed by it).",
              "properties": { "status": { "type": "string" }, "open_breakers": { "type": "object", "additionalProperties": { "type": "integer" } } } },
            "read_replica": { "type": "object", "description": "Present only with DATABASE_READ_URL; degraded while reads go to the primary.",
              "properties": { "status": { "type": "string" }, "lag_seconds": { "type": ["number", "null"] }, "error": { "type": ["string", "null"] } } } } } } }
      }
    }
    """#
}
