import Vapor

/// Hosts, advisors and admins who have not set up two-factor sign-in can only set it up or sign out.
struct TwoFactorRequired: AsyncMiddleware {
    static let allowedPaths: Set<String> = [
        SiteRoute.twoFactor.path, SiteRoute.enableTwoFactor.path, SiteRoute.signOut.path, SiteRoute.stylesheet.path, SiteRoute.favicon.path, SiteRoute.healthz.path, SiteRoute.readyz.path, SiteRoute.metrics.path,
    ]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.currentUser, user.mustUseTwoFactor, !user.hasTwoFactor,
            !Self.allowedPaths.contains(request.url.path)
        else { return try await next.respond(to: request) }
        if request.isAPI {
            throw Abort(.forbidden, reason: "Set up two-factor sign-in on your account page before using the API.")
        }
        return request.redirect(
            to: SiteRoute.twoFactor.path,
            flash: Flash(kind: .error, message: "Set up two-factor sign-in first: your role gives you access to other people's data.")
        )
    }
}
