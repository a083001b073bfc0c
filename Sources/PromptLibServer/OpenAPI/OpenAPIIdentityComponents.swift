/// Schemas and responses of accounts, sign-in and the audit log, merged into the OpenAPI components.
enum OpenAPIIdentityComponents {
    static let json = #"""
    {
      "securitySchemes": {
        "bearer": { "type": "http", "scheme": "bearer", "description": "An access token from /api/v1/auth/login" }
      },
      "responses": {
        "Unauthorized": { "description": "No, or no valid, credentials", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
        "Forbidden": { "description": "Signed in, but not allowed", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
        "TooManyRequests": { "description": "Rate limited or locked out; see Retry-After", "headers": { "Retry-After": { "schema": { "type": "integer" } } },
          "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
        "Tokens": { "description": "A token pair", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Tokens" } } } },
        "Connection": { "description": "A connection", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Connection" } } } },
        "User": { "description": "An account", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/User" } } } }
      },
      "schemas": {
        "LoginInput": { "type": "object", "required": ["login", "password"], "properties": {
          "login": { "type": "string", "description": "username or email" }, "password": { "type": "string" },
          "refresh_cookie": { "type": "boolean", "default": false, "description": "true: the refresh token is set as an HttpOnly, SameSite=Strict cookie (path /api/v1/auth) instead of being in the answer; the web UI's way" } } },
        "RefreshInput": { "type": "object", "properties": { "refresh_token": { "type": "string", "description": "absent: the promptlib_refresh cookie is used, and the next one is set as a cookie" } } },
        "PasswordChange": { "type": "object", "required": ["current_password", "new_password"], "properties": {
          "current_password": { "type": "string" }, "new_password": { "type": "string", "minLength": 12 } } },
        "Tokens": { "type": "object", "required": ["access_token", "token_type", "expires_in", "user"], "properties": {
          "access_token": { "type": "string" }, "refresh_token": { "type": "string" }, "token_type": { "type": "string", "const": "Bearer" },
          "expires_in": { "type": "integer" }, "user": { "$ref": "#/components/schemas/User" } } },
        "User": { "type": "object", "required": ["id", "username", "email", "role", "status", "created_at"], "properties": {
          "id": { "type": "string" }, "username": { "type": "string" }, "email": { "type": "string" },
          "role": { "type": "string", "enum": ["admin", "user", "viewer"] }, "status": { "type": "string", "enum": ["active", "disabled"] },
          "created_at": { "type": "string", "format": "date-time" }, "last_login_at": { "type": ["string", "null"], "format": "date-time" } } },
        "UserCreate": { "type": "object", "required": ["username", "email", "password"], "properties": {
          "username": { "type": "string", "pattern": "^[a-z0-9._-]{2,64}$" }, "email": { "type": "string", "format": "email" },
          "password": { "type": "string", "minLength": 12 }, "role": { "type": "string", "enum": ["admin", "user", "viewer"], "default": "user" } } },
        "UserUpdate": { "type": "object", "properties": {
          "email": { "type": "string", "format": "email" }, "role": { "type": "string", "enum": ["admin", "user", "viewer"] },
          "status": { "type": "string", "enum": ["active", "disabled"] }, "password": { "type": "string", "minLength": 12 } } },
        "UserList": { "type": "object", "required": ["data", "page"], "properties": {
          "data": { "type": "array", "items": { "$ref": "#/components/schemas/User" } }, "page": { "$ref": "#/components/schemas/PageInfo" } } },
        "Session": { "type": "object", "required": ["id", "created_at", "last_used_at", "expires_at", "current"], "properties": {
          "id": { "type": "string" }, "created_at": { "type": "string", "format": "date-time" }, "last_used_at": { "type": "string", "format": "date-time" },
          "expires_at": { "type": "string", "format": "date-time" }, "ip": { "type": ["string", "null"] }, "user_agent": { "type": ["string", "null"] },
          "current": { "type": "boolean" } } },
        "SessionList": { "type": "object", "required": ["data", "page"], "properties": {
          "data": { "type": "array", "items": { "$ref": "#/components/schemas/Session" } }, "page": { "$ref": "#/components/schemas/PageInfo" } } },
        "AuditEvent": { "type": "object", "required": ["id", "occurred_at", "action"], "properties": {
          "id": { "type": "integer" }, "occurred_at": { "type": "string", "format": "date-time" }, "actor": { "type": ["string", "null"] },
          "actor_id": { "type": ["string", "null"] }, "action": { "type": "string" }, "target_type": { "type": ["string", "null"] },
          "target_id": { "type": ["string", "null"] }, "ip": { "type": ["string", "null"] }, "user_agent": { "type": ["string", "null"] },
          "details": { "type": "object", "additionalProperties": { "type": "string" } } } },
        "APIKeyCreate": { "type": "object", "required": ["name", "scopes"], "properties": {
          "name": { "type": "string", "maxLength": 100 },
          "scopes": { "type": "array", "minItems": 1, "items": { "type": "string", "enum": ["prompts:read", "prompts:write", "labels:write", "runs:write"] } },
          "expires_at": { "type": "string", "format": "date-time" } } },
        "APIKey": { "type": "object", "required": ["id", "name", "prefix", "scopes", "created_at"], "properties": {
          "id": { "type": "string" }, "name": { "type": "string" }, "prefix": { "type": "string" },
          "scopes": { "type": "array", "items": { "type": "string" } }, "created_at": { "type": "string", "format": "date-time" },
          "expires_at": { "type": ["string", "null"], "format": "date-time" }, "last_used_at": { "type": ["string", "null"], "format": "date-time" },
          "revoked_at": { "type": ["string", "null"], "format": "date-time" },
          "key": { "type": ["string", "null"], "description": "pl_…, present only when the key is created" } } },
        "APIKeyList": { "type": "object", "required": ["data", "page"], "properties": {
          "data": { "type": "array", "items": { "$ref": "#/components/schemas/APIKey" } }, "page": { "$ref": "#/components/schemas/PageInfo" } } },
        "ConnectionInput": { "type": "object", "properties": {
          "name": { "type": "string", "maxLength": 100 },
          "provider": { "type": "string", "enum": ["openai", "anthropic", "gemini", "bedrock", "openai_compatible"] },
          "base_url": { "type": "string", "format": "uri", "maxLength": 2048, "description": "required for openai_compatible; no user name or password in it" },
          "default_model": { "type": "string", "minLength": 1, "maxLength": 200 },
          "credentials": { "type": "object", "description": "api_key; for bedrock access_key_id, secret_access_key and region",
            "additionalProperties": { "type": "string", "maxLength": 8192 } } } },
        "Connection": { "type": "object", "required": ["id", "name", "provider", "credentials_hint", "owner_id", "breaker", "created_at", "updated_at"], "properties": {
          "id": { "type": "string" }, "name": { "type": "string" }, "provider": { "type": "string" },
          "base_url": { "type": ["string", "null"] }, "default_model": { "type": ["string", "null"] },
          "credentials_hint": { "type": "object", "additionalProperties": { "type": "string" }, "description": "masked, e.g. sk-…abcd" },
          "owner_id": { "type": "string" }, "breaker": { "$ref": "#/components/schemas/Breaker" }, "created_at": { "type": "string", "format": "date-time" },
          "updated_at": { "type": "string", "format": "date-time" } } },
        "ConnectionList": { "type": "object", "required": ["data", "page"], "properties": {
          "data": { "type": "array", "items": { "$ref": "#/components/schemas/Connection" } }, "page": { "$ref": "#/components/schemas/PageInfo" } } },
        "AuditList": { "type": "object", "required": ["data", "page"], "properties": {
          "data": { "type": "array", "items": { "$ref": "#/components/schemas/AuditEvent" } }, "page": { "$ref": "#/components/schemas/PageInfo" } } }
      }
    }
    """#
}
