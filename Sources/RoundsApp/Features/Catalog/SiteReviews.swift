import Fluent
import Foundation
import RoundsCore
import Vapor

/// Verifying, rejecting and suspending sites (administrators) and asking again (hosts): each step one
/// transaction with its audit entry and the host's notice, moving the catalog version, since search
/// shows verified sites only. The pages and the API both come here.
struct SiteReviews {
    let db: any Database
    let now: Date
    let origin: String

    static let notFound = Abort(.notFound, reason: "No such site.")

    /// Applies an administrator's `action` with its reason; throws a `ValidationReport` for a missing
    /// reason and 409 when the site's state does not allow it.
    func review(_ siteID: UUID?, _ action: SiteReviewAction, reason raw: String, by admin: User) async throws -> Site {
        guard action != .resubmit, let siteID, let site = try await Site.query(on: self.db).filter(\.$id == siteID).with(\.$host).first() else {
            throw Self.notFound
        }
        let reason: String
        switch action.checkReason(raw) {
        case .success(let kept): reason = kept
        case .failure(let problem): throw ValidationReport([problem])
        }
        guard let next = action.next(from: site.reviewState) else {
            throw Abort(.conflict, reason: "\(site.name) is \(site.reviewState.label.lowercased()); it cannot be \(action == .verify ? "verified" : action == .reject ? "rejected" : "suspended") now.")
        }
        try await CatalogVersion.changing(on: self.db, touching: [.site(try site.requireID())]) { db in
            site.apply(next, note: reason, now: self.now)
            try await site.save(on: db)
            if action == .verify {
                // Its published listings enter the catalog now, so saved-search alerts count them as new.
                try await Opportunity.query(on: db).filter(\.$site.$id == site.requireID()).filter(\.$status == .published).set(\.$listedAt, to: self.now).update()
            }
            try await AdminAction.record("site.\(action.rawValue)", by: admin, subject: "site \(site.name)", subjectID: site.id, reason: reason, now: self.now, on: db)
            let (title, body): (String, String) = switch action {
            case .verify: ("\(site.name) is verified", "Its published opportunities are now in the catalog.")
            case .reject: ("\(site.name) was not verified", "The administrators' reason: \(reason) Fix it, then ask for another review from your sites page.")
            case .suspend: ("\(site.name) is suspended", "Its opportunities are out of the catalog. The administrators' reason: \(reason)")
            case .resubmit: ("", "")
            }
            try await Notifier.notify(site.host, title: title, body: body, link: SiteRoute.hostSites.path, origin: self.origin, now: self.now, on: db)
        }
        return site
    }

    /// A host sends a rejected site back for review.
    func resubmit(_ siteID: UUID?, by host: User) async throws -> Site {
        guard let siteID, let site = try await Site.query(on: self.db).filter(\.$id == siteID).filter(\.$host.$id == host.requireID()).first() else {
            throw Self.notFound
        }
        guard let next = SiteReviewAction.resubmit.next(from: site.reviewState) else {
            throw Abort(.conflict, reason: "Only a rejected site can be sent for review again.")
        }
        site.apply(next, note: "", now: self.now)
        try await site.save(on: self.db)
        return site
    }
}

extension Request {
    var siteReviews: SiteReviews {
        SiteReviews(db: self.db, now: self.now, origin: self.config.server.origin)
    }
}
