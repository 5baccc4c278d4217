import Fluent
import Vapor

/// The second step of signing in: the password was right; now a code from the app or a recovery code.
struct TwoFactorSignIn: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.signInTwoFactor, use: self.prompt)
        routes.post(SiteRoute.signInTwoFactor, use: self.complete)
    }

    /// Remembers the half-finished sign-in in its own short-lived cookie and asks for the code.
    static func begin(for user: User, next: String?, req: Request) async throws -> Response {
        let token = SecretToken()
        try await PendingSignIn(userID: try user.requireID(), tokenHash: token.hash, nextPath: next, now: req.now).create(on: req.db)
        let response = req.redirect(to: SiteRoute.signInTwoFactor.path)
        var cookie = req.pendingCookie.value(token.value)
        cookie.maxAge = Int(PendingSignIn.lifetime)
        response.cookies[req.pendingCookie.name] = cookie
        return response
    }

    @Sendable func prompt(req: Request) async throws -> Response {
        guard try await self.pending(req) != nil else { return req.redirect(to: SiteRoute.signIn.path) }
        return try await TwoFactorPages.prompt(error: nil, context: req.pageContext).page().encodeResponse(for: req)
    }

    @Sendable func complete(req: Request) async throws -> Response {
        guard let pending = try await self.pending(req) else {
            return req.redirect(to: SiteRoute.signIn.path, flash: Flash(kind: .error, message: "That sign-in expired. Sign in again."))
        }
        let code = try req.content.get(String.self, at: "code")
        let user = pending.user
        guard try await req.twoFactor.verify(code, for: user) else {
            return try await TwoFactorPages.prompt(error: "That code is not right, or it was already used.", context: req.pageContext)
                .page(status: .unauthorized).encodeResponse(for: req)
        }
        try await pending.delete(on: req.db)
        let response = try await req.startSession(for: user, redirectTo: pending.nextPath ?? SiteRoute.home.path, flash: nil)
        response.cookies[req.pendingCookie.name] = req.pendingCookie.expired
        return response
    }

    private func pending(_ req: Request) async throws -> PendingSignIn? {
        guard let token = req.cookies[req.pendingCookie.name]?.string, !token.isEmpty, token.count < 100 else { return nil }
        guard let pending = try await PendingSignIn.query(on: req.db)
            .filter(\.$tokenHash == SecretToken.hash(token))
            .with(\.$user)
            .first()
        else { return nil }
        if pending.isExpired(now: req.now) {
            try await pending.delete(on: req.db)
            return nil
        }
        return pending
    }
}

extension Request {
    var pendingCookie: SessionCookie { SessionCookie(isSecure: self.config.server.isBehindTLS, baseName: "rounds_pending") }
}
