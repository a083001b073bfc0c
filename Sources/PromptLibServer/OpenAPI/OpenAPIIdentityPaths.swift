/// The `paths` of accounts, sign-in and the audit log, merged into the OpenAPI document.
enum OpenAPIIdentityPaths {
    static let json = #"""
    {
      "/api/v1/auth/login": {
        "post": { "tags": ["auth"], "summary": "Sign in with username or email and password", "operationId": "login", "security": [],
          "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/LoginInput" } } } },
          "responses": { "200": { "$ref": "#/components/responses/Tokens" }, "401": { "$ref": "#/components/responses/Unauthorized" },
            "403": { "$ref": "#/components/responses/Forbidden" }, "429": { "$ref": "#/components/responses/TooManyRequests" } } }
      },
      "/api/v1/auth/refresh": {
        "post": { "tags": ["auth"], "summary": "Exchange a refresh token for a new pair (the old one is retired)", "operationId": "refresh", "security": [],
          "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RefreshInput" } } } },
          "responses": { "200": { "$ref": "#/components/responses/Tokens" }, "401": { "$ref": "#/components/responses/Unauthorized" } } }
      },
      "/api/v1/auth/logout": {
        "post": { "tags": ["auth"], "summary": "End the current session", "operationId": "logout",
          "responses": { "204": { "description": "Signed out" }, "401": { "$ref": "#/components/responses/Unauthorized" } } }
      },
      "/api/v1/auth/me": {
        "get": { "tags": ["auth"], "summary": "The signed-in account", "operationId": "getMe",
          "responses": { "200": { "$ref": "#/components/responses/User" }, "401": { "$ref": "#/components/responses/Unauthorized" } } },
        "patch": { "tags": ["auth"], "summary": "Change the signed-in account's email", "operationId": "updateMe",
          "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "properties": { "email": { "type": "string", "format": "email" } } } } } },
          "responses": { "200": { "$ref": "#/components/responses/User" }, "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" },
            "409": { "$ref": "#/components/responses/Conflict" } } }
      },
      "/api/v1/auth/me/password": {
        "post": { "tags": ["auth"], "summary": "Change the password (ends every other session)", "operationId": "changePassword",
          "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PasswordChange" } } } },
          "responses": { "204": { "description": "Changed" }, "400": { "$ref": "#/components/responses/BadRequest" },
            "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Forbidden" } } }
      },
      "/api/v1/auth/sessions": {
        "get": { "tags": ["auth"], "summary": "The signed-in account's live sessions", "operationId": "listSessions",
          "parameters": [ { "$ref": "#/components/parameters/Limit" }, { "$ref": "#/components/parameters/Cursor" } ],
          "responses": { "400": { "$ref": "#/components/responses/BadRequest" }, "200": { "description": "Sessions", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SessionList" } } } },
            "401": { "$ref": "#/components/responses/Unauthorized" } } }
      },
      "/api/v1/auth/sessions/{id}": {
        "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
        "delete": { "tags": ["auth"], "summary": "End one of your sessions", "operationId": "endSession",
          "responses": { "204": { "description": "Ended" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "404": { "$ref": "#/components/responses/NotFound" } } }
      },
      "/api/v1/users": {
        "get": { "tags": ["users"], "summary": "List accounts (admin)", "operationId": "listUsers",
          "parameters": [ { "$ref": "#/components/parameters/Limit" }, { "$ref": "#/components/parameters/Cursor" } ],
          "responses": { "200": { "description": "Accounts", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/UserList" } } } },
            "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Forbidden" } } },
        "post": { "tags": ["users"], "summary": "Create an account (admin)", "operationId": "createUser",
          "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/UserCreate" } } } },
          "responses": { "201": { "$ref": "#/components/responses/User" }, "400": { "$ref": "#/components/responses/BadRequest" },
            "403": { "$ref": "#/components/responses/Forbidden" }, "409": { "$ref": "#/components/responses/Conflict" } } }
      },
      "/api/v1/users/{id}": {
        "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
        "get": { "tags": ["users"], "summary": "One account (admin)", "operationId": "getUser",
          "responses": { "200": { "$ref": "#/components/responses/User" }, "403": { "$ref": "#/components/responses/Forbidden" }, "404": { "$ref": "#/components/responses/NotFound" } } },
        "patch": { "tags": ["users"], "summary": "Change role, status, email or password (admin)", "operationId": "updateUser",
          "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/UserUpdate" } } } },
          "responses": { "200": { "$ref": "#/components/responses/User" }, "400": { "$ref": "#/components/responses/BadRequest" },
            "403": { "$ref": "#/components/responses/Forbidden" }, "404": { "$ref": "#/components/responses/NotFound" }, "409": { "$ref": "#/components/responses/Conflict" } } },
        "delete": { "tags": ["users"], "summary": "Delete an account and its sessions (admin)", "operationId": "deleteUser",
          "responses": { "204": { "description": "Deleted" }, "403": { "$ref": "#/components/responses/Forbidden" },
            "404": { "$ref": "#/components/responses/NotFound" }, "409": { "$ref": "#/components/responses/Conflict" } } }
      },
      "/api/v1/api-keys": {
        "get": { "tags": ["api-keys"], "summary": "Your API keys (admins: ?all=true for everyone's); never the key itself", "operationId": "listAPIKeys",
          "parameters": [ { "name": "all", "in": "query", "schema": { "type": "boolean", "default": false } },
            { "$ref": "#/components/parameters/Limit" }, { "$ref": "#/components/parameters/Cursor" } ],
          "responses": { "400": { "$ref": "#/components/responses/BadRequest" }, "200": { "description": "Keys", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/APIKeyList" } } } },
            "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Forbidden" } } },
        "post": { "tags": ["api-keys"], "summary": "Create an API key; the key is in this answer only", "operationId": "createAPIKey",
          "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/APIKeyCreate" } } } },
          "responses": { "201": { "description": "Created", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/APIKey" } } } },
            "400": { "$ref": "#/components/responses/BadRequest" }, "403": { "$ref": "#/components/responses/Forbidden" } } }
      },
      "/api/v1/api-keys/{id}": {
        "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
        "delete": { "tags": ["api-keys"], "summary": "Revoke an API key", "operationId": "revokeAPIKey",
          "responses": { "204": { "description": "Revoked" }, "404": { "$ref": "#/components/responses/NotFound" } } }
      },
      "/api/v1/connections": {
        "get": { "tags": ["connections"], "summary": "Your provider connections (admins: everyone's), credentials masked", "operationId": "listConnections",
          "parameters": [ { "$ref": "#/components/parameters/Limit" }, { "$ref": "#/components/parameters/Cursor" } ],
          "responses": { "400": { "$ref": "#/components/responses/BadRequest" }, "200": { "description": "Connections", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ConnectionList" } } } },
            "403": { "$ref": "#/components/responses/Forbidden" } } },
        "post": { "tags": ["connections"], "summary": "Create a connection; credentials are encrypted at rest", "operationId": "createConnection",
          "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ConnectionInput" } } } },
          "responses": { "201": { "$ref": "#/components/responses/Connection" }, "400": { "$ref": "#/components/responses/BadRequest" },
            "403": { "$ref": "#/components/responses/Forbidden" } } }
      },
      "/api/v1/connections/{id}": {
        "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
        "get": { "tags": ["connections"], "summary": "One connection, credentials masked", "operationId": "getConnection",
          "responses": { "200": { "$ref": "#/components/responses/Connection" }, "404": { "$ref": "#/components/responses/NotFound" } } },
        "patch": { "tags": ["connections"], "summary": "Rename, change the model or URL, or replace the credentials", "operationId": "updateConnection",
          "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ConnectionInput" } } } },
          "responses": { "200": { "$ref": "#/components/responses/Connection" }, "400": { "$ref": "#/components/responses/BadRequest" },
            "404": { "$ref": "#/components/responses/NotFound" } } },
        "delete": { "tags": ["connections"], "summary": "Delete a connection", "operationId": "deleteConnection",
          "responses": { "204": { "description": "Deleted" }, "404": { "$ref": "#/components/responses/NotFound" } } }
      },
      "/api/v1/audit-events": {
        "get": { "tags": ["audit"], "summary": "The audit log, newest first (admin)", "operationId": "listAuditEvents",
          "parameters": [ { "$ref": "#/components/parameters/Limit" }, { "$ref": "#/components/parameters/Cursor" },
            { "name": "actor", "in": "query", "schema": { "type": "string" } }, { "name": "action", "in": "query", "schema": { "type": "string" } },
            { "name": "target", "in": "query", "schema": { "type": "string" } }, { "name": "since", "in": "query", "schema": { "type": "string", "format": "date-time" } } ],
          "responses": { "200": { "description": "Events", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/AuditList" } } } },
            "400": { "$ref": "#/components/responses/BadRequest" }, "403": { "$ref": "#/components/responses/Forbidden" } } }
      }
    }
    """#
}
