import Hummingbird

/// The web UI: the page at `/` (and at `/s/{token}`, a share link opened in a browser) and its
/// files under `/assets/{version}/…`. The UI talks to the public API only.
struct WebController {
    let assets: WebAssets

    /// Scripts, styles, images and requests come from this origin only, and nothing runs inline.
    static let policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/") { _, _ in page() }
        router.get("/s/:token") { _, _ in page() }
        router.get("/assets/:version/**") { request, context -> Response in
            let path = context.parameters.getCatchAll().joined(separator: "/")
            guard let asset = assets.files[path] else { throw APIError.notFound("Web asset \(path)") }
            // A page loaded before an upgrade may still ask for the old version's files: it gets
            // today's, but not for keeps.
            let current = context.parameters.get("version") == assets.version
            return Response(status: .ok, headers: [
                .contentType: asset.contentType,
                .cacheControl: current ? "public, max-age=31536000, immutable" : "no-cache",
            ], body: .init(byteBuffer: asset.body))
        }
    }

    /// The page is small and always revalidated, so a new build's assets are seen at once.
    func page() -> Response {
        Response(status: .ok, headers: [
            .contentType: "text/html; charset=utf-8",
            .cacheControl: "no-cache",
            .contentSecurityPolicy: Self.policy,
        ], body: .init(byteBuffer: assets.page))
    }
}
