import RoundsCore
import Vapor

/// Guards a route group: anonymous browsers are sent to sign in (and back afterwards), anonymous API
/// callers get 401, and users without one of `roles` get 403.
struct SignInRequired: AsyncMiddleware {
    var roles: Set<Role> = []

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.currentUser else {
            if request.isAPI {
                throw Abort(
                    .unauthorized,
                    headers: ["WWW-Authenticate": "Bearer"],
                    reason: "Send a valid API token: Authorization: Bearer <token>."
                )
            }
            let target = request.method == .GET ? request.url.string : SiteRoute.home.path
            return request.redirect(to: SiteRoute.signIn.path(query: [("next", target)]))
        }
        if !self.roles.isEmpty && self.roles.isDisjoint(with: user.roles) {
            let names = self.roles.sorted().map { $0.displayName.lowercased() }.joined(separator: " or ")
            throw Abort(.forbidden, reason: "This page is for users with the \(names) role.")
        }
        return try await next.respond(to: request)
    }
}
