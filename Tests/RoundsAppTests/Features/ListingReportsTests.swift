import Fluent
import Foundation
import RoundsCore
import Tagged
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 23: anyone signed in reports a listing; administrators keep it or withdraw it, the host is told
/// why, and the decision is in the audit log.
@Suite struct ListingReportsTests {
    static func reports(_ opportunity: Opportunity) -> String { APIRoute.listingReports(OpportunityID(opportunity.id!)).path }

    @Test func aReportIsFiledOnceAndRulesApply() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            let (_, amaraAPI) = try await fixture.applicant("amara@example.org")
            let path = Self.reports(fixture.opportunity)

            let unknown = try await amaraAPI.send(.POST, path, json: ["problem": "rude", "details": "x"])
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("Choose what is wrong"))
            #expect(try await amaraAPI.send(.POST, path, json: ["problem": "fraud", "details": "   "]).status == .unprocessableEntity)
            #expect(try await amaraAPI.send(.POST, path, json: ["problem": "fraud", "details": String(repeating: "a", count: 1_001)]).status == .unprocessableEntity)
            let filed = try await amaraAPI.send(.POST, path, json: ["problem": "fraud", "details": "Asks for the fee by wire to a personal account."])
            #expect(filed.status == .created, "\(filed.body.string)")
            #expect(try await amaraAPI.send(.POST, path, json: ["problem": "misleading", "details": "Again"]).status == .conflict)
            // Hosts cannot report their own listing; nobody reports one that is not listed.
            #expect(try await fixture.host.send(.POST, path, json: ["problem": "other", "details": "Mine"]).status == .unprocessableEntity)
            #expect(try await amaraAPI.send(.POST, APIRoute.listingReports(OpportunityID(UUID())).path, json: ["problem": "other", "details": "?"]).status == .notFound)
            #expect(try await ListingReport.query(on: app.db).count() == 1)
        }
    }

    @Test func withdrawingArchivesTellsTheHostAndDecidesEveryOpenReport() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            let (_, amaraAPI) = try await fixture.applicant("amara@example.org")
            let (_, bolaAPI) = try await fixture.applicant("bola@example.org")
            let admin = try await ApplicationFixture.client(app, for: try await Factories.user(app, email: "admin@example.org", roles: [.admin]))
            let path = Self.reports(fixture.opportunity)
            #expect(try await amaraAPI.send(.POST, path, json: ["problem": "fraud", "details": "Wire transfer to a person."]).status == .created)
            #expect(try await bolaAPI.send(.POST, path, json: ["problem": "misleading", "details": "No such department."]).status == .created)

            let open = try await admin.send(.GET, APIRoute.adminListingReports.path).content.decode([ListingReportResponse].self)
            #expect(open.count == 2 && open.allSatisfy { $0.resolution == nil && $0.opportunityStatus == .published })
            let resolve = APIRoute.adminListingReportResolution(ListingReportID(open[0].id)).path
            // Withdrawing needs a reason the host can read.
            #expect(try await admin.send(.POST, resolve, json: ["resolution": "withdraw"]).status == .unprocessableEntity)
            #expect(try await Opportunity.find(fixture.opportunity.id, on: app.db)?.status == .published)
            let decided = try await admin.send(.POST, resolve, json: ["resolution": "withdraw", "note": "Fees are paid to the hospital only."])
            #expect(decided.status == .ok, "\(decided.body.string)")
            #expect(try await Opportunity.find(fixture.opportunity.id, on: app.db)?.status == .archived)
            let after = try await admin.send(.GET, APIRoute.adminListingReports.path).content.decode([ListingReportResponse].self)
            #expect(after.allSatisfy { $0.resolution == .withdraw && $0.opportunityStatus == .archived })
            #expect(try await admin.send(.POST, APIRoute.adminListingReportResolution(ListingReportID(open[1].id)).path, json: ["resolution": "dismiss"]).status == .conflict)

            let notice = try await UserNotification.query(on: app.db).filter(\.$user.$id == fixture.hostUser.requireID()).all()
            #expect(notice.contains { $0.title.contains("was withdrawn") && $0.body.contains("Fees are paid to the hospital only.") })
            let audit = try await AdminAction.query(on: app.db).filter(\.$action == "listing.withdraw").all()
            #expect(audit.count == 1 && audit[0].subjectID == fixture.opportunity.id)
            // Out of the catalog: the public page is gone.
            #expect(try await amaraAPI.send(.GET, APIRoute.opportunity(OpportunityID(fixture.opportunity.id!)).path).status == .notFound)
        }
    }

    @Test func dismissingKeepsTheListingAndThePagesWork() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            let (amara, _) = try await fixture.applicant("amara@example.org")
            let opportunityID = OpportunityID(fixture.opportunity.id!)
            let browser = Browser(app)
            #expect(try await browser.signIn(email: amara.email).status == .seeOther)
            #expect(try await browser.get(SiteRoute.opportunity(opportunityID).path).text.contains("Report this listing"))
            let filed = try await browser.post(SiteRoute.reportListing(opportunityID).path, form: [("problem", "offensive"), ("details", "<script>alert(1)</script>")])
            #expect(filed.status == .seeOther)
            #expect(try await browser.get(SiteRoute.opportunity(opportunityID).path).text.contains("You reported this listing"))

            let adminBrowser = try await Factories.signedIn(app, email: "admin@example.org", roles: [.admin]).0
            let page = try await adminBrowser.get(SiteRoute.adminListingReports.path)
            #expect(page.status == .ok && page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.text.contains("<script>alert"))
            let report = try #require(try await ListingReport.query(on: app.db).first())
            let kept = try await adminBrowser.post(SiteRoute.resolveListingReport(try report.requireTypedID()).path, form: [("resolution", "dismiss"), ("note", "")])
            #expect(kept.status == .seeOther)
            #expect(try await Opportunity.find(opportunityID.rawValue, on: app.db)?.status == .published)
            #expect(try await ListingReport.find(report.id, on: app.db)?.resolution == .dismiss)
            #expect(try await AdminAction.query(on: app.db).filter(\.$action == "listing.dismiss").count() == 1)
        }
    }
}
