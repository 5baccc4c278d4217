import Vapor

/// Sets the security headers on every response, errors included (it is the outermost middleware).
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy = [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ].joined(separator: "; ")

    let isBehindTLS: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        Self.apply(to: &response.headers, isBehindTLS: self.isBehindTLS)
        return response
    }

    /// The headers every answer carries, also those the server writes itself (a request it cannot read).
    static func apply(to headers: inout HTTPHeaders, isBehindTLS: Bool) {
        let fixed = [
            ("Content-Security-Policy", Self.contentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "same-origin"),
            ("X-Frame-Options", "DENY"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
        ]
        for (name, value) in fixed { headers.replaceOrAdd(name: name, value: value) }
        // Pages and API answers may show private data; only the versioned stylesheet may be cached.
        if !headers.contains(name: .cacheControl) {
            headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        if isBehindTLS {
            headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains")
        }
    }
}
