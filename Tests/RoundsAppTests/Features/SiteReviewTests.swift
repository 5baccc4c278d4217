import Fluent
import Foundation
import RoundsCore
import Tagged
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 23, admin tools: a site is rejected or suspended with a reason its host sees, the host asks
/// again, and every decision is in the audit log.
@Suite struct SiteReviewTests {
    @Test func aRejectedSiteShowsItsReasonAndCanBeSentAgain() async throws {
        try await withRoundsApp { app in
            let (host, _) = try await Factories.signedIn(app, email: "host@example.org", roles: [.host])
            #expect(try await host.post(SiteRoute.hostSites.path, form: HostCatalogTests.siteForm).status == .seeOther)
            let site = try #require(try await Site.query(on: app.db).first())
            let (admin, _) = try await Factories.signedIn(app, email: "admin@example.org", roles: [.admin])
            let path = "/admin/sites/\(site.id!)/review"

            let bare = try await admin.post(path + "/reject", form: [("reason", "  ")])
            #expect(bare.status == .unprocessableEntity && bare.text.contains("Say why"))
            #expect(try await admin.post(path + "/suspend", form: [("reason", "x")]).status == .conflict)
            #expect(try await admin.post(path + "/resubmit", form: []).status == .notFound)
            #expect(try await admin.post(path + "/reject", form: [("reason", "The address is not the licensed one.")]).status == .seeOther)
            let rejected = try #require(try await Site.find(site.id, on: app.db))
            #expect(rejected.reviewState == .rejected && !rejected.isVerified)

            let hostPage = try await host.get(SiteRoute.hostSites.path)
            #expect(hostPage.text.contains("reason: The address is not the licensed one.") && hostPage.text.contains("ask for another review"))
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "host@example.org").first()?.body.contains("The address is not the licensed one.") == true)

            let (otherHost, _) = try await Factories.signedIn(app, email: "other-host@example.org", roles: [.host])
            #expect(try await otherHost.post("/host/sites/\(site.id!)/resubmit", form: []).status == .notFound)
            #expect(try await host.post("/host/sites/\(site.id!)/resubmit", form: []).status == .seeOther)
            #expect(try await Site.find(site.id, on: app.db)?.reviewState == .pending)
            #expect(try await host.post("/host/sites/\(site.id!)/resubmit", form: []).status == .conflict)

            #expect(try await admin.post(path + "/verify", form: []).status == .seeOther)
            #expect(try await admin.post(path + "/suspend", form: [("reason", "Complaints under review.")]).status == .seeOther)
            let suspended = try #require(try await Site.find(site.id, on: app.db))
            #expect(suspended.reviewState == .suspended && !suspended.isVerified && suspended.reviewNote == "Complaints under review.")

            let audit = try await AdminAction.query(on: app.db).sort(\.$createdAt).all()
            #expect(audit.map(\.action) == ["site.reject", "site.verify", "site.suspend"])
            #expect(audit.allSatisfy { $0.adminName == "Test User" && $0.subject == "site \(site.name)" })
            let log = try await admin.get(SiteRoute.adminAudit.path + "?action=site.suspend")
            #expect(log.status == .ok && log.text.contains("Complaints under review.") && !log.text.contains("The address is not the licensed one."))
            #expect(try await host.get(SiteRoute.adminAudit.path).status == .forbidden)
        }
    }
}
