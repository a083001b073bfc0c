/// The OpenAPI paths of enhancement jobs.
enum OpenAPIEnhancementPaths {
    static let paths = #"""
    {
      "/api/v1/prompts/{id}/enhancements": {
        "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
        "post": { "tags": ["enhancements"], "summary": "Start improving the prompt's latest version: through a model (connection_id) or the built-in analyzer (no connection); poll the job it answers", "operationId": "startEnhancement",
          "requestBody": { "required": false, "content": { "application/json": { "schema": { "type": "object", "properties": {
            "connection_id": { "type": "string" },
            "goals": { "type": "array", "uniqueItems": true, "items": { "type": "string", "enum": ["clarity", "structure", "output_format", "examples", "brevity"] } },
            "target_provider": { "type": "string", "enum": ["openai", "openai_responses", "anthropic", "gemini", "bedrock", "llama"] } } } } } },
          "responses": {
            "202": { "description": "The job, queued", "headers": { "Location": { "schema": { "type": "string" } } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Enhancement" } } } },
            "400": { "$ref": "#/components/responses/BadRequest" }, "403": { "$ref": "#/components/responses/Forbidden" }, "404": { "$ref": "#/components/responses/NotFound" },
            "415": { "$ref": "#/components/responses/Error" } } }
      },
      "/api/v1/enhancements/{id}": {
        "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
        "get": { "tags": ["enhancements"], "summary": "A job: status, progress, findings, questions, the draft and its diff against the base version", "operationId": "getEnhancement",
          "responses": { "200": { "description": "The job", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Enhancement" } } } },
            "404": { "$ref": "#/components/responses/NotFound" } } }
      },
      "/api/v1/enhancements/{id}/answers": {
        "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
        "post": { "tags": ["enhancements"], "summary": "Answer the job's questions (checked against their types); the job works them into a new draft", "operationId": "answerEnhancement",
          "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["answers"], "properties": { "answers": { "type": "object" } } } } } },
          "responses": { "202": { "description": "The job, queued again", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Enhancement" } } } },
            "400": { "$ref": "#/components/responses/BadRequest" }, "404": { "$ref": "#/components/responses/NotFound" },
            "409": { "$ref": "#/components/responses/Error" }, "415": { "$ref": "#/components/responses/Error" } } }
      },
      "/api/v1/enhancements/{id}/accept": {
        "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } },
          { "name": "If-Match", "in": "header", "description": "the ETag of the version the draft replaces; default: the job's base version", "schema": { "type": "string" } } ],
        "post": { "tags": ["enhancements"], "summary": "Write the draft (or your edit of it) as the prompt's next version; a 409 if the prompt changed since the base version", "operationId": "acceptEnhancement",
          "requestBody": { "required": false, "content": { "application/json": { "schema": { "type": "object", "properties": {
            "commit_message": { "type": "string", "maxLength": 500 }, "document": { "type": "object", "description": "the edited draft, a prompt document" } } } } } },
          "responses": { "200": { "description": "Accepted; accepted_version is the new version", "headers": { "ETag": { "schema": { "type": "string" } } },
              "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Enhancement" } } } },
            "400": { "$ref": "#/components/responses/BadRequest" }, "403": { "$ref": "#/components/responses/Forbidden" }, "404": { "$ref": "#/components/responses/NotFound" },
            "409": { "$ref": "#/components/responses/Error" }, "415": { "$ref": "#/components/responses/Error" }, "422": { "$ref": "#/components/responses/Error" } } }
      },
      "/api/v1/enhancements/{id}/reject": {
        "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
        "post": { "tags": ["enhancements"], "summary": "Close a job without writing anything", "operationId": "rejectEnhancement",
          "responses": { "200": { "description": "Rejected", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Enhancement" } } } },
            "404": { "$ref": "#/components/responses/NotFound" }, "409": { "$ref": "#/components/responses/Error" } } }
      }
    }
    """#

    static let components = #"""
    { "schemas": {
        "Enhancement": { "type": "object", "required": ["id", "prompt_id", "base_version", "status", "progress", "engine", "goals", "findings", "questions", "answers", "changes", "warnings", "created_at", "updated_at"], "properties": {
          "id": { "type": "string" }, "prompt_id": { "type": "string" }, "base_version": { "type": "integer" },
          "status": { "type": "string", "enum": ["queued", "analyzing", "awaiting_answers", "ready", "accepted", "rejected", "failed"] },
          "progress": { "type": "integer", "minimum": 0, "maximum": 100 }, "engine": { "type": "string", "enum": ["builtin", "model"] },
          "goals": { "type": "array", "items": { "type": "string" } }, "connection_id": { "type": ["string", "null"] }, "target_provider": { "type": ["string", "null"] },
          "task": { "type": ["string", "null"] },
          "findings": { "type": "array", "items": { "type": "object", "required": ["code", "message"], "properties": { "code": { "type": "string" }, "field": { "type": ["string", "null"] }, "message": { "type": "string" } } } },
          "questions": { "type": "array", "items": { "type": "object", "required": ["key", "text", "type", "required"], "properties": {
            "key": { "type": "string" }, "text": { "type": "string" }, "type": { "type": "string", "enum": ["text", "choice", "multi_choice", "boolean", "number"] },
            "options": { "type": ["array", "null"], "items": { "type": "string" } }, "required": { "type": "boolean" }, "help": { "type": ["string", "null"] } } } },
          "answers": { "type": "object" },
          "draft": { "type": ["object", "null"], "description": "the improved prompt document" },
          "changes": { "type": "array", "items": { "type": "object", "required": ["field", "change", "reason"], "properties": { "field": { "type": "string" }, "change": { "type": "string" }, "reason": { "type": "string" } } } },
          "warnings": { "type": "array", "items": { "type": "string" } }, "model": { "type": ["string", "null"] },
          "diff": { "type": ["object", "null"], "description": "the draft against the base version, as GET /prompts/{id}/diff answers" },
          "error": { "type": ["string", "null"] }, "accepted_version": { "type": ["integer", "null"] },
          "created_at": { "type": "string", "format": "date-time" }, "updated_at": { "type": "string", "format": "date-time" } } } } }
    """#
}
