/// The OpenAPI paths of real-time connections: a ticket, then the WebSocket upgrade
/// (docs/realtime.md describes the messages).
enum OpenAPIRealtimePaths {
    static let paths = #"""
    {
      "/api/v1/ws/tickets": {
        "post": { "tags": ["realtime"], "summary": "A single-use ticket, valid for 30 s, to open a WebSocket at /api/v1/ws (signed-in sessions only, not API keys)", "operationId": "createWebSocketTicket",
          "responses": {
            "201": { "description": "The ticket", "content": { "application/json": { "schema": { "type": "object", "required": ["ticket", "expires_in"], "properties": {
              "ticket": { "type": "string" }, "expires_in": { "type": "integer" } } } } } },
            "403": { "$ref": "#/components/responses/Forbidden" } } }
      },
      "/api/v1/ws": {
        "get": { "tags": ["realtime"], "summary": "Upgrades to a WebSocket when the request is an upgrade carrying a fresh ticket; answers 401 without upgrading otherwise", "operationId": "openWebSocket",
          "security": [],
          "parameters": [ { "name": "ticket", "in": "query", "description": "from POST /api/v1/ws/tickets; redeemed once", "schema": { "type": "string" } } ],
          "responses": {
            "101": { "description": "Switching to the WebSocket protocol: JSON messages with a type (docs/realtime.md)" },
            "401": { "$ref": "#/components/responses/Unauthorized" } } }
      }
    }
    """#
}
