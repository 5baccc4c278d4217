import RoundsCore
import Vapor

/// Protects every unsafe HTML request: the browser must not say it comes from another site, and the
/// form's `csrf_token` must equal the CSRF cookie (double submit). The cookie is HttpOnly, SameSite=Strict
/// and `__Host-` prefixed behind TLS, so another site can neither read nor plant it.
/// The JSON API is exempt because it authenticates by bearer token, which browsers never send on their own.
struct CSRFMiddleware: AsyncMiddleware {
    static let fieldName = "csrf_token"
    let isSecure: Bool
    let trustedOrigin: String?

    var cookieName: String { self.isSecure ? "__Host-rounds_csrf" : "rounds_csrf" }

    /// Pages whose POST carries its own credential and is made without a form: the newsletter's
    /// one-click unsubscribe (RFC 8058), which mail programs POST to with the token in the address.
    static let exemptPaths: Set<String> = [SiteRoute.newsletterUnsubscribe.path, SiteRoute.searchAlertUnsubscribe.path]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // The API has no forms and no cookies: no token to check, none to hand out.
        if request.isAPI { return try await next.respond(to: request) }
        if request.method == .POST, Self.exemptPaths.contains(request.url.path) { return try await next.respond(to: request) }
        let existing = (request.cookies[self.cookieName]?.string).flatMap { Self.isWellFormed($0) ? $0 : nil }
        let token = existing ?? SecretToken().value
        request.csrfToken = token

        if Self.isUnsafe(request.method) {
            try await self.collectBody(of: request)
            try self.verify(request, expected: existing)
        }
        let response = try await next.respond(to: request)
        if let rotated = request.rotatedCSRFToken {
            response.cookies[self.cookieName] = self.cookie(rotated)
        } else if existing == nil {
            response.cookies[self.cookieName] = self.cookie(token)
        }
        return response
    }

    /// The token is a form field, so the body must be read before the route would read it. Uploads
    /// (multipart) may be as large as the upload limit allows; everything else as the default limit.
    private func collectBody(of request: Request) async throws {
        guard request.body.data == nil else { return }
        let isMultipart = request.headers.contentType?.type == "multipart"
        let limit = isMultipart ? request.application.config.uploadRequestMaximumBytes : request.application.routes.defaultMaxBodySize.value
        _ = try await request.body.collect(max: limit).get()
    }

    private func verify(_ request: Request, expected: String?) throws {
        let refusal = Abort(
            .forbidden,
            reason: "This form was not sent from a Rounds page, or it expired. Reload the page and try again."
        )
        if let site = request.headers.first(name: "Sec-Fetch-Site"), site == "cross-site" || site == "same-site" {
            throw refusal
        }
        if let origin = request.headers.first(name: .origin), !self.isSameOrigin(origin, request) {
            throw refusal
        }
        guard let expected,
            let submitted = try? request.content.get(String.self, at: Self.fieldName),
            ConstantTime.equals(submitted, expected)
        else { throw refusal }
    }

    private func isSameOrigin(_ origin: String, _ request: Request) -> Bool {
        if let trustedOrigin { return origin.lowercased() == trustedOrigin.lowercased() }
        guard let host = request.headers.first(name: .host), let url = URL(string: origin) else { return false }
        let port = url.port.map { ":\($0)" } ?? ""
        return "\(url.host ?? "")\(port)".lowercased() == host.lowercased()
    }

    private func cookie(_ token: String) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: token,
            path: "/",
            isSecure: self.isSecure,
            isHTTPOnly: true,
            sameSite: .strict
        )
    }

    static func isUnsafe(_ method: HTTPMethod) -> Bool {
        ![.GET, .HEAD, .OPTIONS].contains(method)
    }

    /// Tokens we issue are 43 base64url characters; anything else is replaced rather than trusted.
    static func isWellFormed(_ value: String) -> Bool {
        value.count == 43 && value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}

extension Request {
    private struct CSRFTokenKey: StorageKey { typealias Value = String }
    private struct RotatedCSRFTokenKey: StorageKey { typealias Value = String }

    /// The token forms on this page must carry.
    var csrfToken: String? {
        get { self.storage[CSRFTokenKey.self] }
        set { self.storage[CSRFTokenKey.self] = newValue }
    }

    fileprivate var rotatedCSRFToken: String? { self.storage[RotatedCSRFTokenKey.self] }

    /// Issues a fresh CSRF token with this response, e.g. at sign-in, so a token seen before is worthless after.
    func rotateCSRFToken() {
        let token = SecretToken().value
        self.storage[RotatedCSRFTokenKey.self] = token
        self.csrfToken = token
    }
}
