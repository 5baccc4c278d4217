import Fluent
import Foundation
import RoundsCore
import Tagged
import Vapor

/// Administrators verify sites before their opportunities are public, reject waiting ones and suspend
/// verified ones with a reason the host sees; hosts ask again after a rejection. Every step is one
/// transaction with its audit entry and the host's notice, and moves the catalog version (search shows
/// only verified sites).
struct SiteVerificationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped(SignInRequired(roles: [.admin]))
        admin.get(SiteRoute.adminSites, use: self.index)
        admin.post(SiteRoute.verifySite(.key), use: self.verify)
        admin.post(SiteRoute.reviewSite(.key, .key), use: self.review)
        let hosts = routes.grouped(SignInRequired(roles: [.host]))
        hosts.post(SiteRoute.resubmitSite(.key), use: self.resubmit)
    }

    @Sendable func index(req: Request) async throws -> HTMLPage {
        try await Self.page(req, errors: ValidationReport()).page()
    }

    static func page(_ req: Request, errors: ValidationReport) async throws -> PageLayout {
        _ = try req.requireUser(.admin)
        let sites = try await Site.query(on: req.db).with(\.$host).sort(\.$createdAt).all()
        return HostPages.verification(sites, errors: errors, context: req.pageContext)
    }

    /// The old single-button verify, kept for its address.
    @Sendable func verify(req: Request) async throws -> Response {
        try await self.act(.verify, req: req, reason: "")
    }

    struct ReviewForm: Content {
        var reason: String?
    }

    @Sendable func review(req: Request) async throws -> Response {
        guard let action = req.parameters.get(SiteReviewAction.self), action != .resubmit else { throw Abort(.notFound, reason: "No such action.") }
        return try await self.act(action, req: req, reason: try req.content.decode(ReviewForm.self).reason ?? "")
    }

    private func act(_ action: SiteReviewAction, req: Request, reason raw: String) async throws -> Response {
        let admin = try req.requireUser(.admin)
        let site: Site
        do {
            site = try await req.siteReviews.review(req.parameters.get(SiteID.self)?.rawValue, action, reason: raw, by: admin)
        } catch let report as ValidationReport {
            return try await Self.page(req, errors: report).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
        return req.redirect(to: SiteRoute.adminSites.path, flash: Flash(kind: .success, message: "\(site.name) is \(site.reviewState.label.lowercased())."))
    }

    @Sendable func resubmit(req: Request) async throws -> Response {
        let site = try await req.siteReviews.resubmit(req.parameters.get(SiteID.self)?.rawValue, by: try req.requireUser(.host))
        return req.redirect(to: SiteRoute.hostSites.path, flash: Flash(kind: .success, message: "\(site.name) is waiting for verification again."))
    }
}
