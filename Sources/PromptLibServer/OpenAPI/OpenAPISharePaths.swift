/// The OpenAPI paths of share links.
enum OpenAPISharePaths {
    static let paths = #"""
    {
      "/api/v1/prompts/{id}/shares": {
        "parameters": [ { "$ref": "#/components/parameters/PromptID" } ],
        "post": { "tags": ["shares"], "summary": "Make a share link (owner, collaborators, admin); the token is shown in this answer only", "operationId": "createShare",
          "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "properties": {
            "expires_in_hours": { "type": "number", "default": 168, "maximum": 8760 }, "password": { "type": "string" },
            "max_views": { "type": "integer", "minimum": 1 }, "version": { "type": "integer", "minimum": 1 },
            "label": { "type": "string", "description": "the link follows the label as it moves; with neither, the latest version" } } } } } },
          "responses": { "201": { "description": "The link", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Share" } } } },
            "400": { "$ref": "#/components/responses/BadRequest" }, "403": { "$ref": "#/components/responses/Error" }, "404": { "$ref": "#/components/responses/NotFound" } } },
        "get": { "tags": ["shares"], "summary": "The prompt's links, newest first, without tokens", "operationId": "listShares",
          "parameters": [ { "$ref": "#/components/parameters/Limit" }, { "$ref": "#/components/parameters/Cursor" } ],
          "responses": { "400": { "$ref": "#/components/responses/BadRequest" }, "200": { "description": "Links", "content": { "application/json": { "schema": { "type": "object", "required": ["data", "page"], "properties": {
            "data": { "type": "array", "items": { "$ref": "#/components/schemas/Share" } }, "page": { "$ref": "#/components/schemas/PageInfo" } } } } } },
            "403": { "$ref": "#/components/responses/Error" }, "404": { "$ref": "#/components/responses/NotFound" } } }
      },
      "/api/v1/prompts/{id}/shares/{share}": {
        "parameters": [ { "$ref": "#/components/parameters/PromptID" }, { "name": "share", "in": "path", "required": true, "schema": { "type": "string" } } ],
        "delete": { "tags": ["shares"], "summary": "Revoke a link: it answers 410 from now on", "operationId": "revokeShare",
          "responses": { "204": { "description": "Revoked" }, "403": { "$ref": "#/components/responses/Error" }, "404": { "$ref": "#/components/responses/NotFound" } } }
      },
      "/api/v1/shared/{token}": {
        "parameters": [ { "name": "token", "in": "path", "required": true, "schema": { "type": "string" } } ],
        "get": { "tags": ["shares"], "summary": "Public, read-only: the shared version. A password goes in X-Share-Password, never the URL. Each answer counts one view.", "operationId": "viewShare", "security": [],
          "parameters": [ { "name": "X-Share-Password", "in": "header", "schema": { "type": "string" } }, { "$ref": "#/components/parameters/Format" } ],
          "responses": { "200": { "description": "The version's document and the link's limits", "content": { "application/json": { "schema": { "type": "object" } }, "application/yaml": { "schema": { "type": "string" } } } },
            "401": { "description": "The password is missing or wrong", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
            "404": { "$ref": "#/components/responses/NotFound" },
            "410": { "description": "Expired, out of views, revoked, or the prompt archived", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
            "429": { "description": "Too many wrong passwords for this link", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } } } }
      }
    }
    """#

    static let components = #"""
    {
      "schemas": {
        "Share": { "type": "object", "required": ["id", "expires_at", "views", "state", "has_password"], "properties": {
          "id": { "type": "string" }, "token": { "type": "string", "description": "only when made" }, "url": { "type": "string", "description": "only when made" },
          "expires_at": { "type": "string", "format": "date-time" }, "version": { "type": "integer" }, "label": { "type": "string" },
          "has_password": { "type": "boolean" }, "max_views": { "type": "integer" }, "views": { "type": "integer" },
          "state": { "type": "string", "enum": ["live", "gone", "revoked"] }, "created_by": { "type": "string" },
          "created_at": { "type": "string", "format": "date-time" }, "revoked_at": { "type": "string", "format": "date-time" } } }
      }
    }
    """#
}
