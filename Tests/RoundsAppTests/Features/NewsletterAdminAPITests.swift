import Fluent
import Foundation
import RoundsCore
import Tagged
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 23 (API parity): administrators draft, preview and send the newsletter over JSON with the pages' rules.
@Suite struct NewsletterAdminAPITests {
    @Test func anAdministratorDraftsChecksAndSendsOnce() async throws {
        try await withRoundsApp { app in
            let guide = try await NewsletterTests.publishedGuide(app)
            try await NewsletterTests.confirmed(app, "one@example.org")
            _ = try await NewsletterTests.subscribe(app, "pending@example.org")
            let (_, admin) = try await Factories.signedIn(app, email: "sam@example.org", roles: [.admin])
            let (_, applicant) = try await Factories.signedIn(app, email: "amara@example.org", roles: [.applicant])
            #expect(try await applicant.send(.GET, APIRoute.adminNewsletter.path).status == .forbidden)

            let refused = try await admin.send(.POST, APIRoute.adminNewsletterIssues.path, json: ["subject": "Hi", "intro": "Text", "guide_ids": [UUID().uuidString]])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("published guides"))
            #expect(try await admin.send(.POST, APIRoute.adminNewsletterIssues.path, raw: "{\"subject\": 1}").status == .badRequest)
            #expect(try await NewsletterIssue.query(on: app.db).count() == 0)

            let created = try await admin.send(
                .POST, APIRoute.adminNewsletterIssues.path, json: ["subject": "December", "intro": "New: **letters**.", "guide_ids": [guide.id!.uuidString]])
            #expect(created.status == .created, "\(created.body.string)")
            let issue = try created.content.decode(AdminNewsletterIssueResponse.self)
            #expect(issue.status == .draft && issue.guideIDs == [guide.id!] && issue.preview.contains("Letters early"))
            let path = APIRoute.adminNewsletterIssue(NewsletterIssueID(issue.id)).path
            let changed = try await admin.send(.PUT, path, json: ["subject": "December at Rounds", "intro": "New.", "guide_ids": [guide.id!.uuidString]])
            #expect(try changed.content.decode(AdminNewsletterIssueResponse.self).subject == "December at Rounds")

            let overview = try await admin.send(.GET, APIRoute.adminNewsletter.path).content.decode(AdminNewsletterResponse.self)
            #expect(overview.subscribers.confirmed == 1 && overview.subscribers.pending == 1 && overview.issues.map(\.id) == [issue.id])
            #expect(!(try await admin.send(.GET, APIRoute.adminNewsletter.path).body.string.contains("one@example.org")))

            let send = APIRoute.adminNewsletterSend(NewsletterIssueID(issue.id)).path
            let sent = try await admin.send(.POST, send)
            #expect(sent.status == .ok, "\(sent.body.string)")
            let result = try sent.content.decode(NewsletterSendResponse.self)
            #expect(result.queued == 1 && result.issue.status == .sent && result.issue.recipients == 1)
            #expect(try await admin.send(.POST, send).status == .conflict)
            #expect(try await admin.send(.PUT, path, json: ["subject": "Too late", "intro": "x", "guide_ids": [guide.id!.uuidString]]).status == .conflict)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$subject == "December at Rounds").count() == 1)
            #expect(try await AdminAction.query(on: app.db).filter(\.$action == "newsletter.send").count() == 1)
        }
    }
}
