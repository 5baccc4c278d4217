import Fluent
import Foundation
import RoundsCore
import Tagged
import Vapor

/// A site as administrators review it over the API: the host's view plus who hosts it.
struct AdminSiteResponse: Content {
    var site: HostSiteResponse
    var hostEmail: String
    var createdAt: Date?

    enum CodingKeys: String, CodingKey {
        case site
        case hostEmail = "host_email"
        case createdAt = "created_at"
    }
}

extension API {
    /// Site verification over JSON (administrators), with the page's rules (`SiteReviews`).
    struct SiteReviewController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let admins = routes.grouped(SignInRequired(roles: [.admin]))
            admins.get(APIRoute.adminSites, use: self.sites)
            admins.post(APIRoute.adminSiteReview(.key, .key), use: self.review)
        }

        @Sendable func sites(req: Request) async throws -> [AdminSiteResponse] {
            _ = try req.requireUser(.admin)
            var query = Site.query(on: req.db).with(\.$host).with(\.$opportunities).sort(\.$createdAt)
            if let raw = try? req.query.get(String.self, at: "review_state") {
                guard let state = SiteReviewState(rawValue: raw) else {
                    throw Abort(.badRequest, reason: "review_state is one of \(SiteReviewState.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                switch state {
                case .verified: query = query.filter(\.$isVerified == true)
                case .pending: query = query.filter(\.$isVerified == false).filter(\.$storedReviewState == nil)
                case .rejected, .suspended: query = query.filter(\.$isVerified == false).filter(\.$storedReviewState == state.rawValue)
                }
            }
            return try await query.all().map { AdminSiteResponse(site: try HostSiteResponse($0, opportunities: $0.opportunities), hostEmail: $0.host.email, createdAt: $0.createdAt) }
        }

        struct ReasonInput: Content {
            var reason: String?
        }

        @Sendable func review(req: Request) async throws -> AdminSiteResponse {
            let admin = try req.requireUser(.admin)
            guard let action = req.parameters.get(SiteReviewAction.self), action != .resubmit else { throw Abort(.notFound, reason: "No such action: verify, reject or suspend.") }
            let reason = try req.jsonBody(ReasonInput.self, orWhenEmpty: ReasonInput()).reason ?? ""
            let site = try await req.siteReviews.review(req.parameters.get(SiteID.self)?.rawValue, action, reason: reason, by: admin)
            let opportunities = try await Opportunity.query(on: req.db).filter(\.$site.$id == site.requireID()).all()
            return AdminSiteResponse(site: try HostSiteResponse(site, opportunities: opportunities), hostEmail: site.host.email, createdAt: site.createdAt)
        }
    }
}
