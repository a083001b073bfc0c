import Hummingbird

/// `GET /api/openapi.json` (the machine-readable document) and `GET /api/docs` (a readable page);
/// `GET /` leads to the docs until the web UI serves the root.
struct APIDocsController {
    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/") { _, _ in
            Response(status: .found, headers: [.location: "/api/docs"])
        }
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
