import Hummingbird

/// The refresh token as the web UI keeps it: an `HttpOnly`, `SameSite=Strict` cookie scoped to
/// `/api/v1/auth`, so page scripts never see it and other sites can never send it. The access
/// token stays in the page's memory.
struct RefreshCookie: Sendable {
    static let name = "promptlib_refresh"
    static let path = "/api/v1/auth"
    /// A companion the page can read, holding no secret: it only says a refresh cookie exists, so a
    /// fresh page load tries to resume a session only when there is one to resume.
    static let marker = "promptlib_session"

    /// `Secure` when the UI is served over HTTPS (a plain-HTTP install would never get it back).
    let secure: Bool
    /// How long the browser keeps it: the refresh token's own lifetime.
    let maxAge: Int

    /// Sets the token and its marker on `response`.
    func set(_ token: String, on response: inout Response) {
        response.setCookie(Cookie(name: Self.name, value: token, maxAge: maxAge, path: Self.path, secure: secure, httpOnly: true, sameSite: .strict))
        response.setCookie(Cookie(name: Self.marker, value: "1", maxAge: maxAge, path: "/", secure: secure, httpOnly: false, sameSite: .strict))
    }

    /// Tells the browser to forget the token and its marker.
    func clear(on response: inout Response) {
        response.setCookie(Cookie(name: Self.name, value: "", maxAge: 0, path: Self.path, secure: secure, httpOnly: true, sameSite: .strict))
        response.setCookie(Cookie(name: Self.marker, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: false, sameSite: .strict))
    }

    /// The token a browser sent, if any.
    static func token(in request: Request) -> String? {
        guard let value = request.cookies[name]?.value, !value.isEmpty else { return nil }
        return value
    }
}
