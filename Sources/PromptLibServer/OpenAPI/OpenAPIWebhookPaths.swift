/// The OpenAPI paths of webhooks (docs/webhooks.md).
enum OpenAPIWebhookPaths {
    private static let id = #"{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }"#

    static let paths = #"""
    {
      "/api/v1/webhooks": {
        "get": { "tags": ["webhooks"], "summary": "The caller's webhooks (an admin's: everyone's), with how each one's latest delivery went", "operationId": "listWebhooks",
          "parameters": [ { "$ref": "#/components/parameters/Limit" }, { "$ref": "#/components/parameters/Cursor" } ],
          "responses": { "200": { "description": "A page of webhooks", "content": { "application/json": { "schema": { "type": "object", "required": ["data", "page"], "properties": {
            "data": { "type": "array", "items": { "$ref": "#/components/schemas/Webhook" } }, "page": { "$ref": "#/components/schemas/PageInfo" } } } } } } } },
        "post": { "tags": ["webhooks"], "summary": "Register an endpoint for prompt events; the answer carries its signing secret, once", "operationId": "createWebhook",
          "requestBody": { "required": true, "content": { "application/json": { "schema": { "allOf": [ { "$ref": "#/components/schemas/WebhookInput" } ], "required": ["url", "events"] } } } },
          "responses": { "201": { "$ref": "#/components/responses/WebhookWithSecret" }, "409": { "$ref": "#/components/responses/Error" }, "422": { "$ref": "#/components/responses/Error" } } }
      },
      "/api/v1/webhooks/{id}": {
        "parameters": [ \#(id) ],
        "get": { "tags": ["webhooks"], "summary": "One webhook", "operationId": "getWebhook",
          "responses": { "200": { "description": "The webhook", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Webhook" } } } } } },
        "patch": { "tags": ["webhooks"], "summary": "Change a webhook (null clears a filter); only its owner may change its url", "operationId": "updateWebhook",
          "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/WebhookInput" } } } },
          "responses": { "200": { "description": "The webhook", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Webhook" } } } }, "422": { "$ref": "#/components/responses/Error" } } },
        "delete": { "tags": ["webhooks"], "summary": "Delete a webhook and its deliveries", "operationId": "deleteWebhook",
          "responses": { "204": { "description": "Deleted" } } }
      },
      "/api/v1/webhooks/{id}/secret": {
        "parameters": [ \#(id) ],
        "post": { "tags": ["webhooks"], "summary": "A new signing secret, shown once; the old one stops signing at once", "operationId": "rotateWebhookSecret",
          "responses": { "200": { "$ref": "#/components/responses/WebhookWithSecret" } } }
      },
      "/api/v1/webhooks/{id}/ping": {
        "parameters": [ \#(id) ],
        "post": { "tags": ["webhooks"], "summary": "Queue a ping delivery, to try the endpoint", "operationId": "pingWebhook",
          "responses": { "202": { "description": "Queued", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/WebhookDelivery" } } } } } }
      },
      "/api/v1/webhooks/{id}/deliveries": {
        "parameters": [ \#(id), { "$ref": "#/components/parameters/Limit" } ],
        "get": { "tags": ["webhooks"], "summary": "The latest deliveries, newest first, with each one's status", "operationId": "listWebhookDeliveries",
          "responses": { "200": { "description": "Deliveries", "content": { "application/json": { "schema": { "type": "object", "required": ["data"], "properties": {
            "data": { "type": "array", "items": { "$ref": "#/components/schemas/WebhookDelivery" } } } } } } } } }
      }
    }
    """#

    static let components = #"""
    { "responses": {
        "WebhookWithSecret": { "description": "The webhook and its secret (shown this once)", "content": { "application/json": { "schema": {
          "allOf": [ { "$ref": "#/components/schemas/Webhook" }, { "type": "object", "required": ["secret"], "properties": { "secret": { "type": "string", "pattern": "^whsec_[0-9a-f]{64}$" } } } ] } } } } },
      "schemas": {
        "WebhookInput": { "type": "object", "properties": {
          "url": { "type": "string", "format": "uri", "maxLength": 2048 },
          "events": { "type": "array", "minItems": 1, "items": { "type": "string", "enum": ["prompt.version_created", "prompt.label_moved", "prompt.label_removed", "prompt.archived", "prompt.restored", "rating.updated"] } },
          "name_prefix": { "type": ["string", "null"], "minLength": 1, "maxLength": 200 }, "label": { "type": ["string", "null"] },
          "description": { "type": ["string", "null"], "maxLength": 500 }, "active": { "type": "boolean" } } },
        "Webhook": { "type": "object", "required": ["id", "url", "events", "active", "owner_id", "created_at", "updated_at"], "properties": {
          "id": { "type": "string" }, "url": { "type": "string" }, "description": { "type": ["string", "null"] },
          "events": { "type": "array", "items": { "type": "string" } }, "name_prefix": { "type": ["string", "null"] }, "label": { "type": ["string", "null"] },
          "active": { "type": "boolean" }, "owner_id": { "type": "string" },
          "last_delivery": { "oneOf": [ { "type": "null" }, { "$ref": "#/components/schemas/WebhookDelivery" } ] },
          "created_at": { "type": "string", "format": "date-time" }, "updated_at": { "type": "string", "format": "date-time" } } },
        "WebhookDelivery": { "type": "object", "required": ["id", "event_type", "status", "attempts", "created_at"], "properties": {
          "id": { "type": "string" }, "event_type": { "type": "string" }, "status": { "type": "string", "enum": ["pending", "delivered", "failed"] },
          "attempts": { "type": "integer", "minimum": 0 }, "last_status_code": { "type": ["integer", "null"] }, "last_error": { "type": ["string", "null"] },
          "next_attempt_at": { "type": ["string", "null"], "format": "date-time" }, "created_at": { "type": "string", "format": "date-time" },
          "delivered_at": { "type": ["string", "null"], "format": "date-time" } } } } }
    """#
}
