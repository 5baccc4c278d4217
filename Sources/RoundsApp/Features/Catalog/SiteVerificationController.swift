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
        guard let id = req.parameters.get(SiteID.self)?.rawValue, let site = try await Site.query(on: req.db).filter(\.$id == id).with(\.$host).first() else {
            throw Abort(.notFound, reason: "No such site.")
        }
        let reason: String
        switch action.checkReason(raw) {
        case .success(let kept): reason = kept
        case .failure(let problem): return try await Self.page(req, errors: ValidationReport([problem])).page(status: .unprocessableEntity).encodeResponse(for: req)
        }
        guard let next = action.next(from: site.reviewState) else {
            throw Abort(.conflict, reason: "\(site.name) is \(site.reviewState.label.lowercased()); it cannot be \(action == .verify ? "verified" : action == .reject ? "rejected" : "suspended") now.")
        }
        let now = req.now
        let origin = req.application.config.server.origin
        try await CatalogVersion.changing(on: req.db) { db in
            site.apply(next, note: reason, now: now)
            try await site.save(on: db)
            try await AdminAction.record("site.\(action.rawValue)", by: admin, subject: "site \(site.name)", subjectID: site.id, reason: reason, now: now, on: db)
            let (title, body): (String, String) = switch action {
            case .verify: ("\(site.name) is verified", "Its published opportunities are now in the catalog.")
            case .reject: ("\(site.name) was not verified", "The administrators' reason: \(reason) Fix it, then ask for another review from your sites page.")
            case .suspend: ("\(site.name) is suspended", "Its opportunities are out of the catalog. The administrators' reason: \(reason)")
            case .resubmit: ("", "")
            }
            try await Notifier.notify(site.host, title: title, body: body, link: SiteRoute.hostSites.path, origin: origin, now: now, on: db)
        }
        return req.redirect(to: SiteRoute.adminSites.path, flash: Flash(kind: .success, message: "\(site.name) is \(next.label.lowercased())."))
    }

    @Sendable func resubmit(req: Request) async throws -> Response {
        let host = try req.requireUser(.host)
        guard let id = req.parameters.get(SiteID.self)?.rawValue,
            let site = try await Site.query(on: req.db).filter(\.$id == id).filter(\.$host.$id == host.requireID()).first()
        else { throw Abort(.notFound, reason: "No such site.") }
        guard let next = SiteReviewAction.resubmit.next(from: site.reviewState) else {
            throw Abort(.conflict, reason: "Only a rejected site can be sent for review again.")
        }
        site.apply(next, note: "", now: req.now)
        try await site.save(on: req.db)
        return req.redirect(to: SiteRoute.hostSites.path, flash: Flash(kind: .success, message: "\(site.name) is waiting for verification again."))
    }
}
