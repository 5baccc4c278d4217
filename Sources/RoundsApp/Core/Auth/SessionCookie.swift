import Vapor

/// The browser session cookie: HttpOnly, SameSite=Lax, and Secure with the `__Host-` prefix behind TLS,
/// so it is bound to our exact origin and never sent over plain HTTP.
struct SessionCookie: Sendable {
    let isSecure: Bool
    /// `rounds_session` for sessions, `rounds_pending` for sign-ins waiting for their second factor.
    var baseName = "rounds_session"

    var name: String { self.isSecure ? "__Host-\(self.baseName)" : self.baseName }

    func value(_ token: String) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: token,
            expires: nil,
            maxAge: nil,
            domain: nil,
            path: "/",
            isSecure: self.isSecure,
            isHTTPOnly: true,
            sameSite: .lax
        )
    }

    var expired: HTTPCookies.Value {
        HTTPCookies.Value(
            string: "",
            expires: Date(timeIntervalSince1970: 0),
            maxAge: 0,
            domain: nil,
            path: "/",
            isSecure: self.isSecure,
            isHTTPOnly: true,
            sameSite: .lax
        )
    }
}
