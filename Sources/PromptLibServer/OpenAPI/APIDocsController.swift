import Hummingbird

/// `GET /api/openapi.json` (the machine-readable document) and `GET /api/docs` (a readable page).
struct APIDocsController {
    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/api/openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.data))
            )
        }
        router.get("/api/docs") { _, _ in
            Response(
                status: .ok,
                headers: [
                    .contentType: "text/html; charset=utf-8",
                    // The page runs only its own inline script and talks only to this server.
                    .contentSecurityPolicy: "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
                ],
                body: .init(byteBuffer: ByteBuffer(string: APIDocsPage.html))
            )
        }
    }
}
