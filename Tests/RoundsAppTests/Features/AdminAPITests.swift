import Fluent
import Foundation
import RoundsCore
import Tagged
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 23, API parity: what administrators do in pages — accounts, site reviews, reports, the audit
/// log — they can do over the API, with the same rules and audit entries.
@Suite struct AdminAPITests {
    @Test func accountsAreManagedAndAudited() async throws {
        try await withRoundsApp { app in
            let adminUser = try await Factories.user(app, email: "admin@example.org", roles: [.admin])
            let admin = try await ApplicationFixture.client(app, for: adminUser)
            let bola = try await Factories.user(app, email: "bola@example.org", roles: [.applicant], name: "Bola Ade")
            let bolaAPI = try await ApplicationFixture.client(app, for: bola)

            let found = try await admin.send(.GET, APIRoute.adminUsers.path(query: [("q", "bola")])).content.decode([AdminUserResponse].self)
            #expect(found.map(\.email) == ["bola@example.org"])
            let id = UserID(try bola.requireID())

            let roles = try await admin.send(.PUT, APIRoute.adminUserRoles(id).path, json: ["roles": ["applicant", "advisor"]])
            #expect(Set(try roles.content.decode(AdminUserResponse.self).roles) == ["advisor", "applicant"])
            let ownAdmin = try await admin.send(.PUT, APIRoute.adminUserRoles(UserID(try adminUser.requireID())).path, json: ["roles": ["applicant"]])
            #expect(ownAdmin.status == .unprocessableEntity)

            let noReason = try await admin.send(.POST, APIRoute.adminUserAction(id, .disable).path, json: ["reason": " "])
            #expect(noReason.status == .unprocessableEntity)
            let disabled = try await admin.send(.POST, APIRoute.adminUserAction(id, .disable).path, json: ["reason": "Shared the account."])
            #expect(try disabled.content.decode(AdminUserResponse.self).disabled)
            #expect(try await bolaAPI.send(.GET, APIRoute.me.path).status != .ok)
            #expect(try await admin.send(.POST, APIRoute.adminUserAction(id, .disable).path, json: ["reason": "again"]).status == .conflict)
            let enabled = try await admin.send(.POST, APIRoute.adminUserAction(id, .enable).path)
            #expect(enabled.status == .ok)
            #expect(try enabled.content.decode(AdminUserResponse.self).disabled == false)
            #expect(try await admin.send(.POST, APIRoute.adminUserAction(id, .signOut).path).status == .ok)

            let audit = try await admin.send(.GET, APIRoute.adminAudit.path).content.decode([AuditEntryResponse].self)
            #expect(Set(audit.map(\.action)) == ["user.roles", "user.disable", "user.enable", "user.sign-out"])
            let onlyDisable = try await admin.send(.GET, APIRoute.adminAudit.path(query: [("action", "user.disable")])).content.decode([AuditEntryResponse].self)
            #expect(onlyDisable.count == 1 && onlyDisable[0].reason == "Shared the account.")
            // The limit counts code points, as the OpenAPI document's maxLength does (schemathesis found 20
            // letters carrying combining marks, 20 characters to Swift's count, accepted past the 60).
            let marked = String(repeating: "e\u{0301}\u{0316}\u{0324}", count: 20)
            #expect(marked.count == 20 && marked.unicodeScalars.count == 80)
            #expect(try await admin.send(.GET, APIRoute.adminAudit.path(query: [("action", marked)])).status == .badRequest)
        }
    }

    @Test func sitesAreReviewedAndReportsDecided() async throws {
        try await withRoundsApp { app in
            let adminUser = try await Factories.user(app, email: "admin@example.org", roles: [.admin])
            let admin = try await ApplicationFixture.client(app, for: adminUser)
            let pending = try await CatalogTests.listing(app, title: "Waiting Clinic", zip: "10016", isVerified: false)
            let siteID = SiteID(pending.$site.id)

            let waiting = try await admin.send(.GET, APIRoute.adminSites.path(query: [("review_state", "pending")])).content.decode([AdminSiteResponse].self)
            #expect(waiting.map(\.site.name) == ["Waiting Clinic Site"])
            #expect(try await admin.send(.GET, APIRoute.adminSites.path(query: [("review_state", "lost")])).status == .badRequest)
            let noReason = try await admin.send(.POST, APIRoute.adminSiteReview(siteID, .reject).path, json: ["reason": ""])
            #expect(noReason.status == .unprocessableEntity)
            let verified = try await admin.send(.POST, APIRoute.adminSiteReview(siteID, .verify).path)
            #expect(try verified.content.decode(AdminSiteResponse.self).site.reviewState == .verified)
            #expect(try await admin.send(.POST, APIRoute.adminSiteReview(siteID, .reject).path, json: ["reason": "late"]).status == .conflict)

            // A reported message, decided over the API.
            let fixture = try await ApplicationFixture.make(app)
            let (_, amaraAPI) = try await fixture.applicant("amara@example.org")
            let application = try await fixture.submitted(amaraAPI)
            let message = try await fixture.host.send(.POST, APIRoute.applicationMessages(ApplicationID(application)).path, json: ["body": "Send cash."])
            let messageID = MessageID(try message.content.get(UUID.self, at: "id"))
            #expect(try await amaraAPI.send(.POST, APIRoute.messageReports(messageID).path, json: ["reason": "Cash"]).status == .created)
            let reports = try await admin.send(.GET, APIRoute.adminReports.path).content.decode([AdminReportResponse].self)
            #expect(reports.count == 1 && reports[0].messageBody == "Send cash." && reports[0].resolution == nil)
            let resolution = APIRoute.adminReportResolution(MessageReportID(reports[0].id)).path
            #expect(try await admin.send(.POST, resolution, json: ["resolution": "ban"]).status == .badRequest)
            let decided = try await admin.send(.POST, resolution, json: ["resolution": "dismiss", "note": "Fee is listed."])
            #expect(try decided.content.decode(AdminReportResponse.self).resolution == .dismiss)
            #expect(try await admin.send(.POST, resolution, json: ["resolution": "remove"]).status == .conflict)
        }
    }
}
