import Fluent
import Foundation
import RoundsCore
import SQLKit
import Tagged
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 23: an applicant asks a host about an opportunity before applying, where the host allows it; only
/// the two of them read the thread, and reports, e-mail and the identifier guard work as for applications.
@Suite struct QuestionsTests {
    static func path(_ opportunity: Opportunity, _ applicant: User) -> String {
        APIRoute.questions(OpportunityID(opportunity.id!), UserID(applicant.id!)).path
    }

    static func setting(_ opportunity: Opportunity) -> String { APIRoute.hostQuestionSetting(OpportunityID(opportunity.id!)).path }

    @Test func theHostTurnsQuestionsOnAndOnlyTheTwoOfThemTalk() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            let (amara, amaraAPI) = try await fixture.applicant("amara@example.org")
            let (_, bola) = try await fixture.applicant("bola@example.org")
            let admin = try await ApplicationFixture.client(app, for: try await Factories.user(app, email: "admin@example.org", roles: [.admin]))
            let thread = Self.path(fixture.opportunity, amara)

            // Off by default: the applicant cannot start a thread.
            #expect(try await amaraAPI.send(.GET, thread).status == .notFound)
            #expect(try await amaraAPI.send(.POST, thread, json: ["body": "Is parking free?"]).status == .notFound)
            let detail = try await amaraAPI.send(.GET, APIRoute.opportunity(OpportunityID(fixture.opportunity.id!)).path)
            #expect(try detail.content.get(Bool.self, at: "accepts_questions") == false)

            // Only the listing's host changes the setting, and a bad value is a 4xx, not a change.
            #expect(try await amaraAPI.send(.PUT, Self.setting(fixture.opportunity), json: ["accepts_questions": "true"]).status == .forbidden)
            #expect(try await fixture.host.send(.PUT, Self.setting(fixture.opportunity), json: ["accepts_questions": "maybe"]).status == .badRequest)
            let on = try await fixture.host.send(.PUT, Self.setting(fixture.opportunity), json: ["accepts_questions": true])
            #expect(on.status == .ok, "\(on.body.string)")
            #expect(try await amaraAPI.send(.GET, APIRoute.opportunity(OpportunityID(fixture.opportunity.id!)).path).content.get(Bool.self, at: "accepts_questions"))

            // The host cannot open a thread with someone who has not asked.
            #expect(try await fixture.host.send(.POST, thread, json: ["body": "Hello!"]).status == .notFound)
            let asked = try await amaraAPI.send(.POST, thread, json: ["body": "Do you take 2023 graduates?"])
            #expect(asked.status == .created, "\(asked.body.string)")
            try #require(app.services.clock as? ManualClock).advance(by: 60)
            #expect(try await fixture.host.send(.POST, thread, json: ["body": "Yes, we do."]).status == .created)
            let bodies = try await amaraAPI.send(.GET, thread).content.decode([MessageResponse].self).map { $0.body ?? "" }
            #expect(bodies == ["Do you take 2023 graduates?", "Yes, we do."])

            // Another applicant and an administrator (nothing reported) see nothing; Bola's own thread is his.
            for stranger in [bola, admin] {
                #expect(try await stranger.send(.GET, thread).status == .notFound)
                #expect(try await stranger.send(.POST, thread, json: ["body": "hi"]).status == .notFound)
            }

            // The host's list shows the thread, awaiting an answer when the applicant wrote last.
            let threads = try await fixture.host.send(.GET, APIRoute.hostQuestions.path).content.decode([QuestionThreadResponse].self)
            #expect(threads.count == 1 && threads[0].messageCount == 2 && !threads[0].awaitingAnswer && threads[0].applicantID == amara.id)
            #expect(try await amaraAPI.send(.GET, APIRoute.hostQuestions.path).status == .forbidden)

            // Turned off: no follow-up, but both still read and the host may still answer.
            #expect(try await fixture.host.send(.PUT, Self.setting(fixture.opportunity), json: ["accepts_questions": false]).status == .ok)
            #expect(try await amaraAPI.send(.POST, thread, json: ["body": "One more thing"]).status == .conflict)
            #expect(try await amaraAPI.send(.GET, thread).status == .ok)
            #expect(try await fixture.host.send(.POST, thread, json: ["body": "Write to me after applying."]).status == .created)
            #expect(try await ApplicationMessage.query(on: app.db).count() == 3)
        }
    }

    @Test func questionsAreNoticedGuardedAndReportable() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            let (amara, amaraAPI) = try await fixture.applicant("amara@example.org")
            let admin = try await ApplicationFixture.client(app, for: try await Factories.user(app, email: "admin@example.org", roles: [.admin]))
            #expect(try await fixture.host.send(.PUT, Self.setting(fixture.opportunity), json: ["accepts_questions": true]).status == .ok)
            let thread = Self.path(fixture.opportunity, amara)

            let refused = try await amaraAPI.send(.POST, thread, json: ["body": "My patient MRN 48213377 wants to come too."])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("48213377"))
            #expect(try await ApplicationMessage.query(on: app.db).count() == 0)

            #expect(try await amaraAPI.send(.POST, thread, json: ["body": "What does the fee cover?"]).status == .created)
            let notices = try await UserNotification.query(on: app.db).filter(\.$user.$id == fixture.hostUser.requireID()).all()
            #expect(notices.contains { $0.title.hasPrefix("Question from \(amara.displayName)") && $0.link == SiteRoute.questions(OpportunityID(fixture.opportunity.id!), UserID(amara.id!)).path })
            let mail = try await OutboxMessage.query(on: app.db).filter(\.$recipient == fixture.hostUser.email).all()
            #expect(mail.contains { $0.body.contains("What does the fee cover?") })

            try #require(app.services.clock as? ManualClock).advance(by: 60)
            let answer = try await fixture.host.send(.POST, thread, json: ["body": "Send the fee to my own account and I will tell you."])
            let answerID = try answer.content.get(UUID.self, at: "id")
            #expect(try await amaraAPI.send(.POST, APIRoute.messageReports(MessageID(answerID)).path, json: ["reason": "Asks for money privately."]).status == .created)

            // Now the administrator reads the thread and sees where the report came from.
            #expect(try await admin.send(.GET, thread).status == .ok)
            let reports = try await admin.send(.GET, APIRoute.adminReports.path).content.decode([AdminReportResponse].self)
            #expect(reports.count == 1 && reports[0].applicationID == nil && reports[0].opportunityID == fixture.opportunity.id && reports[0].applicantID == amara.id)
            let resolved = try await admin.send(.POST, APIRoute.adminReportResolution(MessageReportID(reports[0].id)).path, json: ["resolution": "remove", "note": "Payments go through the site."])
            #expect(resolved.status == .ok)
            let after = try await amaraAPI.send(.GET, thread).content.decode([MessageResponse].self)
            #expect(after.last?.removed == true && after.last?.body == nil)
        }
    }

    @Test func aDraftOrArchivedListingTakesNoNewQuestionsAndTheHostCannotAskHimself() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            let (amara, amaraAPI) = try await fixture.applicant("amara@example.org")
            #expect(try await fixture.host.send(.PUT, Self.setting(fixture.opportunity), json: ["accepts_questions": true]).status == .ok)
            let own = Self.path(fixture.opportunity, fixture.hostUser)
            #expect(try await fixture.host.send(.POST, own, json: ["body": "Talking to myself"]).status == .notFound)

            let archive = APIRoute.hostOpportunityStatus(OpportunityID(fixture.opportunity.id!), .archive).path
            #expect(try await fixture.host.send(.POST, archive).status == .ok)
            #expect(try await amaraAPI.send(.POST, Self.path(fixture.opportunity, amara), json: ["body": "Still open?"]).status == .notFound)
        }
    }

    @Test func theHostPageAndTheOpportunityPageLeadToTheThread() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            let (amara, _) = try await fixture.applicant("amara@example.org")
            let opportunityID = OpportunityID(fixture.opportunity.id!)
            let hostBrowser = try await Factories.browser(app, signedInAs: fixture.hostUser.email)
            let manage = try await hostBrowser.get(SiteRoute.hostOpportunity(opportunityID).path)
            #expect(manage.text.contains("Let applicants ask questions"))
            let turnedOn = try await hostBrowser.post(SiteRoute.questionSetting(opportunityID).path, form: [("accepts_questions", "true")])
            #expect(turnedOn.status == .seeOther)
            #expect(try await hostBrowser.post(SiteRoute.questionSetting(opportunityID).path, form: [("accepts_questions", "yes")]).status == .unprocessableEntity)
            #expect(try await Opportunity.find(opportunityID.rawValue, on: app.db)?.acceptsQuestions == true)

            let browser = Browser(app)
            #expect(try await browser.signIn(email: amara.email).status == .seeOther)
            let page = try await browser.get(SiteRoute.opportunity(opportunityID).path)
            #expect(page.text.contains("Ask the host a question before applying"))
            let threadPath = SiteRoute.questions(opportunityID, UserID(amara.id!)).path
            #expect(try await browser.get(threadPath).text.contains("Ask the host what you need to know before applying."))
            #expect(try await browser.post(threadPath, form: [("body", "Is there a <b>dress code</b>?")]).status == .seeOther)
            #expect(try await browser.get(SiteRoute.opportunity(opportunityID).path).text.contains("Your conversation with the host (1 message)"))

            let inbox = try await hostBrowser.get(SiteRoute.hostQuestions.path)
            #expect(inbox.text.contains("1 conversation awaits your answer.") && inbox.text.contains(amara.displayName))
            let hostThread = try await hostBrowser.get(threadPath)
            #expect(hostThread.text.contains("Is there a &lt;b&gt;dress code&lt;/b&gt;?"))
        }
    }

    @Test func theMigrationKeepsExistingMessagesAndReportsAndEnforcesOneThread() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            let (_, amaraAPI) = try await fixture.applicant("amara@example.org")
            let application = try await fixture.submitted(amaraAPI)
            let sent = try await fixture.host.send(.POST, APIRoute.applicationMessages(ApplicationID(application)).path, json: ["body": "Pay me in cash."])
            let messageID = try sent.content.get(UUID.self, at: "id")
            #expect(try await amaraAPI.send(.POST, APIRoute.messageReports(MessageID(messageID)).path, json: ["reason": "Cash."]).status == .created)

            // Down and up again with rows in place: the table is rebuilt on SQLite, altered on PostgreSQL.
            try await AddOpportunityQuestions().revert(on: app.db)
            try await AddOpportunityQuestions().prepare(on: app.db)
            let kept = try #require(try await ApplicationMessage.find(messageID, on: app.db))
            #expect(kept.body == "Pay me in cash." && kept.$application.id == application)
            #expect(try await MessageReport.query(on: app.db).filter(\.$message.$id == messageID).count() == 1)
            if !TestDatabase.isPostgres {
                #expect(try await app.db.sql.raw("PRAGMA foreign_key_check").all().isEmpty)
                #expect(try await app.db.sql.raw("PRAGMA foreign_keys").first()?.decode(column: "foreign_keys", as: Int.self) == 1)
            }
            // A message in two threads at once, or in none, is refused by the database itself.
            let both = try ApplicationMessage(
                in: .application(try #require(try await LoadedApplication.load(application, on: app.db))), author: fixture.hostUser, party: .host,
                recipientID: try fixture.hostUser.requireID(), body: "x", now: Date())
            both.$opportunity.id = fixture.opportunity.id
            await #expect(throws: (any Error).self) { try await both.create(on: app.db) }
            // And deleting the report's message still cascades to the report.
            try await kept.delete(on: app.db)
            #expect(try await MessageReport.query(on: app.db).count() == 0)
        }
    }
}
