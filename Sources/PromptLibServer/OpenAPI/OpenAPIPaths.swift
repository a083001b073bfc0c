/// The `paths` object of the OpenAPI document. A test checks it against the router's routes.
enum OpenAPIPaths {
    static let json = #"""
    {
      "/api/health": {
        "get": { "tags": ["system"], "summary": "Liveness: the process answers", "operationId": "liveness", "security": [],
          "responses": { "200": { "description": "Alive", "content": { "application/json": { "schema": { "type": "object", "properties": { "status": { "type": "string", "const": "ok" } } } } } } } }
      },
      "/api/system/health": {
        "get": { "tags": ["system"], "summary": "Readiness: dependency checks", "operationId": "health", "security": [],
          "responses": {
            "200": { "description": "Healthy or degraded", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Health" } } } },
            "503": { "description": "Unhealthy: the database cannot be reached", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Health" } } } } } }
      },
      "/api/openapi.json": {
        "get": { "tags": ["system"], "summary": "This OpenAPI document", "operationId": "openapi", "security": [],
          "responses": { "200": { "description": "OpenAPI 3.1 document", "content": { "application/json": {} } } } }
      },
      "/api/docs": {
        "get": { "tags": ["system"], "summary": "Readable API reference", "operationId": "docs", "security": [],
          "responses": { "200": { "description": "HTML page", "content": { "text/html": {} } } } }
      },
      "/api/v1/prompts": {
        "get": { "tags": ["prompts"], "summary": "Search and list prompts (by name, or by relevance with q)", "operationId": "listPrompts",
          "parameters": [ { "$ref": "#/components/parameters/Limit" }, { "$ref": "#/components/parameters/Cursor" },
            { "name": "include_archived", "in": "query", "schema": { "type": "boolean", "default": false } },
            { "name": "q", "in": "query", "description": "full-text search over name, title, summary, goal, steps and tags", "schema": { "type": "string" } },
            { "name": "tag", "in": "query", "schema": { "type": "string" } }, { "name": "owner", "in": "query", "schema": { "type": "string" } },
            { "name": "status", "in": "query", "schema": { "type": "string", "enum": ["draft", "active", "archived"] } },
            { "name": "folder", "in": "query", "schema": { "type": "string" } },
            { "name": "sort", "in": "query", "schema": { "type": "string", "enum": ["name", "relevance", "title", "rating", "updated_at", "created_at"] } },
            { "name": "order", "in": "query", "schema": { "type": "string", "enum": ["asc", "desc"] } } ],
          "responses": { "200": { "description": "A page of prompts", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PromptList" } } } },
            "400": { "$ref": "#/components/responses/BadRequest" } } },
        "post": { "tags": ["prompts"], "summary": "Create a prompt as version 1", "operationId": "createPrompt",
          "requestBody": { "$ref": "#/components/requestBodies/PromptInput" },
          "responses": {
            "201": { "description": "Created", "headers": { "Location": { "schema": { "type": "string" } } },
              "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Prompt" } } } },
            "400": { "$ref": "#/components/responses/BadRequest" }, "409": { "$ref": "#/components/responses/Conflict" },
            "413": { "$ref": "#/components/responses/Error" }, "415": { "$ref": "#/components/responses/Error" } } }
      },
      "/api/v1/tags": {
        "get": { "tags": ["prompts"], "summary": "Tags of live prompts with counts", "operationId": "listTags",
          "parameters": [ { "$ref": "#/components/parameters/Limit" }, { "$ref": "#/components/parameters/Cursor" } ],
          "responses": { "400": { "$ref": "#/components/responses/BadRequest" }, "200": { "description": "Tags", "content": { "application/json": { "schema": { "type": "object", "required": ["data", "page"], "properties": { "data": { "type": "array",
            "items": { "type": "object", "properties": { "tag": { "type": "string" }, "count": { "type": "integer" } } } }, "page": { "$ref": "#/components/schemas/PageInfo" } } } } } } } }
      },
      "/api/v1/folders": {
        "get": { "tags": ["prompts"], "summary": "The folder tree of live prompts with counts", "operationId": "listFolders",
          "responses": { "200": { "description": "Folders", "content": { "application/json": { "schema": { "type": "object", "properties": { "data": { "type": "array",
            "items": { "$ref": "#/components/schemas/Folder" } } } } } } } } }
      },
      "/api/v1/prompts/{id}": {
        "parameters": [ { "$ref": "#/components/parameters/PromptID" } ],
        "get": { "tags": ["prompts"], "summary": "Read a prompt's latest version", "operationId": "getPrompt",
          "parameters": [ { "$ref": "#/components/parameters/Resolve" }, { "$ref": "#/components/parameters/Format" } ],
          "responses": { "200": { "$ref": "#/components/responses/Prompt" }, "404": { "$ref": "#/components/responses/NotFound" } } },
        "put": { "tags": ["prompts"], "summary": "Write the next version; needs If-Match (or base_version) so no update is lost", "operationId": "updatePrompt",
          "parameters": [ { "name": "If-Match", "in": "header", "schema": { "type": "string" }, "description": "the ETag of the version edited, e.g. \"v3\"" } ],
          "requestBody": { "$ref": "#/components/requestBodies/PromptInput" },
          "responses": { "200": { "$ref": "#/components/responses/Prompt" }, "400": { "$ref": "#/components/responses/BadRequest" },
            "404": { "$ref": "#/components/responses/NotFound" }, "409": { "$ref": "#/components/responses/Conflict" },
            "428": { "$ref": "#/components/responses/Error" } } },
        "delete": { "tags": ["prompts"], "summary": "Archive a prompt (restorable; nothing is deleted)", "operationId": "archivePrompt",
          "responses": { "200": { "$ref": "#/components/responses/Prompt" }, "404": { "$ref": "#/components/responses/NotFound" } } }
      },
      "/api/v1/prompts/by-name/{name}": {
        "parameters": [ { "name": "name", "in": "path", "required": true, "schema": { "type": "string" }, "description": "the prompt's name, URL-encoded (marketing%2Fproduct-description)" } ],
        "get": { "tags": ["prompts"], "summary": "What applications fetch: a prompt by name, at ?version=N or ?label=L (default: production if set, else latest)", "operationId": "getPromptByName",
          "parameters": [ { "name": "version", "in": "query", "schema": { "type": "integer", "minimum": 1 } }, { "name": "label", "in": "query", "schema": { "type": "string" } },
            { "$ref": "#/components/parameters/Resolve" }, { "$ref": "#/components/parameters/Format" } ],
          "responses": { "200": { "description": "The version (YAML with Accept: application/yaml or ?format=yaml)", "headers": { "ETag": { "schema": { "type": "string" } } },
            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PromptVersion" } }, "application/yaml": { "schema": { "$ref": "#/components/schemas/PromptInput" } } } },
            "400": { "$ref": "#/components/responses/BadRequest" }, "404": { "$ref": "#/components/responses/NotFound" } } }
      },
      "/api/v1/prompts/{id}/restore": {
        "parameters": [ { "$ref": "#/components/parameters/PromptID" } ],
        "post": { "tags": ["prompts"], "summary": "Restore an archived prompt", "operationId": "restorePrompt",
          "responses": { "200": { "$ref": "#/components/responses/Prompt" }, "404": { "$ref": "#/components/responses/NotFound" } } }
      },
      "/api/v1/prompts/{id}/versions": {
        "parameters": [ { "$ref": "#/components/parameters/PromptID" } ],
        "get": { "tags": ["prompts"], "summary": "A prompt's history, newest first", "operationId": "listVersions",
          "parameters": [ { "$ref": "#/components/parameters/Limit" }, { "$ref": "#/components/parameters/Cursor" } ],
          "responses": { "200": { "description": "A page of versions", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/VersionList" } } } },
            "404": { "$ref": "#/components/responses/NotFound" } } }
      },
      "/api/v1/prompts/{id}/labels/{label}": {
        "parameters": [ { "$ref": "#/components/parameters/PromptID" },
          { "name": "label", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,49}$" } } ],
        "put": { "tags": ["prompts"], "summary": "Point a label at a version (a release, or a rollback); production needs the owner or an admin", "operationId": "moveLabel",
          "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["version"], "properties": { "version": { "type": "integer", "minimum": 1 } } } } } },
          "responses": { "200": { "description": "The move", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/LabelMove" } } } },
            "400": { "$ref": "#/components/responses/BadRequest" }, "403": { "$ref": "#/components/responses/Error" },
            "404": { "$ref": "#/components/responses/NotFound" }, "409": { "$ref": "#/components/responses/Conflict" } } },
        "delete": { "tags": ["prompts"], "summary": "Remove a label (not latest; production needs the owner or an admin); the history records it", "operationId": "removeLabel",
          "responses": { "200": { "description": "The removal", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/LabelMove" } } } },
            "400": { "$ref": "#/components/responses/BadRequest" }, "403": { "$ref": "#/components/responses/Error" },
            "404": { "$ref": "#/components/responses/NotFound" }, "409": { "$ref": "#/components/responses/Conflict" } } }
      },
      "/api/v1/prompts/{id}/labels": {
        "parameters": [ { "$ref": "#/components/parameters/PromptID" } ],
        "get": { "tags": ["prompts"], "summary": "The prompt's labels and the versions they point at, latest first", "operationId": "listLabels",
          "parameters": [ { "$ref": "#/components/parameters/Limit" }, { "$ref": "#/components/parameters/Cursor" } ],
          "responses": { "200": { "description": "Labels", "content": { "application/json": { "schema": { "type": "object", "required": ["data", "page"], "properties": {
            "data": { "type": "array", "items": { "type": "object", "required": ["label", "version"], "properties": {
              "label": { "type": "string" }, "version": { "type": "integer" } } } }, "page": { "$ref": "#/components/schemas/PageInfo" } } } } } },
            "400": { "$ref": "#/components/responses/BadRequest" }, "404": { "$ref": "#/components/responses/NotFound" } } }
      },
      "/api/v1/prompts/{id}/labels/history": {
        "parameters": [ { "$ref": "#/components/parameters/PromptID" } ],
        "put": { "tags": ["prompts"], "summary": "'history' is a route word, never a label name: always a 400", "operationId": "moveReservedLabel",
          "responses": { "400": { "$ref": "#/components/responses/BadRequest" } } },
        "delete": { "tags": ["prompts"], "summary": "'history' is a route word, never a label name: always a 400", "operationId": "removeReservedLabel",
          "responses": { "400": { "$ref": "#/components/responses/BadRequest" } } },
        "get": { "tags": ["prompts"], "summary": "Every label move, newest first", "operationId": "labelHistory",
          "parameters": [ { "$ref": "#/components/parameters/Limit" }, { "$ref": "#/components/parameters/Cursor" } ],
          "responses": { "400": { "$ref": "#/components/responses/BadRequest" }, "200": { "description": "Moves", "content": { "application/json": { "schema": { "type": "object", "required": ["data", "page"], "properties": {
            "data": { "type": "array", "items": { "$ref": "#/components/schemas/LabelMove" } }, "page": { "$ref": "#/components/schemas/PageInfo" } } } } } },
            "404": { "$ref": "#/components/responses/NotFound" } } }
      },
      "/api/v1/prompts/{id}/diff": {
        "parameters": [ { "$ref": "#/components/parameters/PromptID" } ],
        "get": { "tags": ["prompts"], "summary": "What changed between two versions: fields, variables, tags, model, and a unified diff of the YAML", "operationId": "diffVersions",
          "parameters": [ { "name": "from", "in": "query", "required": true, "schema": { "type": "integer", "minimum": 1 } },
            { "name": "to", "in": "query", "required": true, "schema": { "type": "integer", "minimum": 1 } } ],
          "responses": { "200": { "description": "The diff", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Diff" } } } },
            "400": { "$ref": "#/components/responses/BadRequest" }, "404": { "$ref": "#/components/responses/NotFound" } } }
      },
      "/api/v1/prompts/{id}/ratings/mine": {
        "parameters": [ { "$ref": "#/components/parameters/PromptID" } ],
        "put": { "tags": ["feedback"], "summary": "Rate a version 1–5 (one rating per user per version, updated in place)", "operationId": "rate",
          "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["score"], "properties": {
            "score": { "type": "integer", "minimum": 1, "maximum": 5 }, "note": { "type": "string" }, "version": { "type": "integer", "description": "default: latest" } } } } } },
          "responses": { "200": { "description": "Your rating", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Rating" } } } },
            "400": { "$ref": "#/components/responses/BadRequest" }, "404": { "$ref": "#/components/responses/NotFound" } } }
      },
      "/api/v1/prompts/{id}/ratings": {
        "parameters": [ { "$ref": "#/components/parameters/PromptID" } ],
        "get": { "tags": ["feedback"], "summary": "Ratings with average, count and histogram, overall and per version", "operationId": "listRatings",
          "parameters": [ { "$ref": "#/components/parameters/Limit" }, { "$ref": "#/components/parameters/Cursor" } ],
          "responses": { "400": { "$ref": "#/components/responses/BadRequest" }, "200": { "description": "Ratings", "content": { "application/json": { "schema": { "type": "object", "required": ["data", "page"], "properties": {
            "data": { "type": "array", "items": { "$ref": "#/components/schemas/Rating" } }, "page": { "$ref": "#/components/schemas/PageInfo" }, "summary": { "$ref": "#/components/schemas/RatingSummary" },
            "by_version": { "type": "object", "additionalProperties": { "$ref": "#/components/schemas/RatingSummary" } } } } } } },
            "404": { "$ref": "#/components/responses/NotFound" } } }
      },
      "/api/v1/prompts/{id}/runs": {
        "parameters": [ { "$ref": "#/components/parameters/PromptID" } ],
        "post": { "tags": ["feedback"], "summary": "Record that a version was used", "operationId": "recordRun",
          "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Run" } } } },
          "responses": { "201": { "description": "Recorded", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Run" } } } },
            "400": { "$ref": "#/components/responses/BadRequest" }, "404": { "$ref": "#/components/responses/NotFound" } } },
        "get": { "tags": ["feedback"], "summary": "Runs, newest first, with aggregates overall and per version", "operationId": "listRuns",
          "parameters": [ { "$ref": "#/components/parameters/Limit" }, { "$ref": "#/components/parameters/Cursor" } ],
          "responses": { "200": { "description": "Runs", "content": { "application/json": { "schema": { "type": "object", "properties": {
            "data": { "type": "array", "items": { "$ref": "#/components/schemas/Run" } }, "page": { "$ref": "#/components/schemas/PageInfo" },
            "summary": { "type": "object" }, "by_version": { "type": "object" } } } } } },
            "404": { "$ref": "#/components/responses/NotFound" } } }
      },
      "/api/v1/prompts/{id}/collaborators": {
        "parameters": [ { "$ref": "#/components/parameters/PromptID" } ],
        "get": { "tags": ["prompts"], "summary": "Who besides the owner may write the prompt", "operationId": "listCollaborators",
          "parameters": [ { "$ref": "#/components/parameters/Limit" }, { "$ref": "#/components/parameters/Cursor" } ],
          "responses": { "400": { "$ref": "#/components/responses/BadRequest" }, "200": { "$ref": "#/components/responses/Collaborators" }, "404": { "$ref": "#/components/responses/NotFound" } } }
      },
      "/api/v1/prompts/{id}/collaborators/{username}": {
        "parameters": [ { "$ref": "#/components/parameters/PromptID" },
          { "name": "username", "in": "path", "required": true, "schema": { "type": "string" } } ],
        "put": { "tags": ["prompts"], "summary": "Let a user write the prompt (owner or admin)", "operationId": "addCollaborator",
          "responses": { "200": { "$ref": "#/components/responses/Collaborators" }, "400": { "$ref": "#/components/responses/BadRequest" },
            "403": { "$ref": "#/components/responses/Error" }, "404": { "$ref": "#/components/responses/NotFound" } } },
        "delete": { "tags": ["prompts"], "summary": "Stop a user writing the prompt (owner or admin)", "operationId": "removeCollaborator",
          "responses": { "204": { "description": "Removed" }, "403": { "$ref": "#/components/responses/Error" }, "404": { "$ref": "#/components/responses/NotFound" } } }
      },
      "/api/v1/prompts/{id}/versions/{version}": {
        "parameters": [ { "$ref": "#/components/parameters/PromptID" },
          { "name": "version", "in": "path", "required": true, "schema": { "type": "integer", "minimum": 1 } } ],
        "get": { "tags": ["prompts"], "summary": "One immutable version", "operationId": "getVersion",
          "parameters": [ { "$ref": "#/components/parameters/Resolve" }, { "$ref": "#/components/parameters/Format" } ],
          "responses": { "200": { "description": "The version as written (YAML with Accept: application/yaml or ?format=yaml)",
            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PromptVersion" } }, "application/yaml": { "schema": { "$ref": "#/components/schemas/PromptInput" } } } },
            "404": { "$ref": "#/components/responses/NotFound" } } }
      }
    }
    """#
}
