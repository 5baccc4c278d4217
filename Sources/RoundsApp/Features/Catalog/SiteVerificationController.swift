import Fluent
import RoundsCore
import Tagged
import Vapor

/// Admins verify sites before their opportunities are public.
struct SiteVerificationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped(SignInRequired(roles: [.admin]))
        admin.get(SiteRoute.adminSites, use: self.index)
        admin.post(SiteRoute.verifySite(.key), use: self.verify)
    }

    @Sendable func index(req: Request) async throws -> HTMLPage {
        _ = try req.requireUser(.admin)
        let sites = try await Site.query(on: req.db).filter(\.$isVerified == false).with(\.$host).sort(\.$createdAt).all()
        return HostPages.verification(sites, context: req.pageContext).page()
    }

    @Sendable func verify(req: Request) async throws -> Response {
        _ = try req.requireUser(.admin)
        guard let id = req.parameters.get(SiteID.self)?.rawValue, let site = try await Site.find(id, on: req.db) else {
            throw Abort(.notFound, reason: "No such site.")
        }
        site.isVerified = true
        try await CatalogVersion.changing(on: req.db) { db in try await site.save(on: db) }
        return req.redirect(to: SiteRoute.adminSites.path, flash: Flash(kind: .success, message: "\(site.name) is verified."))
    }
}
