import Fluent
import Foundation
import RoundsCore
import Tagged
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 23: an applicant and a host talk about an application; nobody else reads it unless a message is
/// reported; administrators decide reports; e-mail at once or in a daily digest.
@Suite struct MessagesTests {
    static func path(_ application: UUID) -> String { APIRoute.applicationMessages(ApplicationID(application)).path }

    static func mail(_ app: Application, to address: String) async throws -> [OutboxMessage] {
        try await OutboxMessage.query(on: app.db).filter(\.$recipient == address).sort(\.$createdAt).all()
    }

    @Test func theTwoPartiesWriteAndNobodyElseReads() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            let (amara, amaraAPI) = try await fixture.applicant("amara@example.org")
            let (_, bola) = try await fixture.applicant("bola@example.org")
            let advisor = try await ApplicationFixture.client(app, for: try await Factories.user(app, email: "advisor@example.org", roles: [.advisor]))
            let admin = try await ApplicationFixture.client(app, for: try await Factories.user(app, email: "admin@example.org", roles: [.admin]))
            let application = try await fixture.submitted(amaraAPI)

            let sent = try await amaraAPI.send(.POST, Self.path(application), json: ["body": "Is there parking at the site?"])
            #expect(sent.status == .created, "\(sent.body.string)")
            #expect(try sent.content.get(String.self, at: "party") == "applicant")
            try #require(app.services.clock as? ManualClock).advance(by: 60)  // threads are in time order
            let reply = try await fixture.host.send(.POST, Self.path(application), json: ["body": "Yes, level 2 of the garage."])
            #expect(reply.status == .created)

            let thread = try await amaraAPI.send(.GET, Self.path(application))
            let bodies = try thread.content.decode([MessageResponse].self).map { $0.body ?? "" }
            #expect(bodies == ["Is there parking at the site?", "Yes, level 2 of the garage."])
            #expect(try await fixture.host.send(.GET, Self.path(application)).status == .ok)
            for stranger in [bola, advisor, admin] {
                #expect(try await stranger.send(.GET, Self.path(application)).status == .notFound)
                #expect(try await stranger.send(.POST, Self.path(application), json: ["body": "hi"]).status == .notFound)
            }
            // Each side is told in the app and, by default, by e-mail with the text.
            let hostNotice = try await UserNotification.query(on: app.db).filter(\.$user.$id == fixture.hostUser.requireID()).all().map(\.title)
            #expect(hostNotice.contains { $0.hasPrefix("Message from \(amara.displayName)") })
            #expect(try await Self.mail(app, to: fixture.hostUser.email).contains { $0.body.contains("Is there parking at the site?") })
            #expect(try await Self.mail(app, to: "amara@example.org").contains { $0.body.contains("level 2 of the garage") })
        }
    }

    @Test func identifiersAreRefusedAndDraftsHaveNoConversation() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            let (_, amaraAPI) = try await fixture.applicant("amara@example.org")
            let application = try await fixture.submitted(amaraAPI)
            let refused = try await amaraAPI.send(.POST, Self.path(application), json: ["body": "About my patient, MRN 48213377, seen Tuesday."])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("48213377"))
            #expect(try await ApplicationMessage.query(on: app.db).count() == 0)

            let (_, chen) = try await fixture.applicant("chen@example.org")
            let draft = try await fixture.apply(chen, submit: false)
            let draftID = try draft.content.get(UUID.self, at: "id")
            #expect(try await chen.send(.GET, Self.path(draftID)).status == .notFound)
            #expect(try await fixture.host.send(.GET, Self.path(draftID)).status == .notFound)
        }
    }

    @Test func aReportLetsAnAdministratorReadAndDecide() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            let (_, amaraAPI) = try await fixture.applicant("amara@example.org")
            let adminUser = try await Factories.user(app, email: "admin@example.org", roles: [.admin])
            let admin = try await ApplicationFixture.client(app, for: adminUser)
            let application = try await fixture.submitted(amaraAPI)
            let rude = try await fixture.host.send(.POST, Self.path(application), json: ["body": "Pay me 500 dollars in cash first."])
            let messageID = try rude.content.get(UUID.self, at: "id")
            let reportPath = APIRoute.messageReports(MessageID(messageID)).path

            #expect(try await fixture.host.send(.POST, reportPath, json: ["reason": "mine"]).status == .unprocessableEntity)
            #expect(try await admin.send(.POST, reportPath, json: ["reason": "x"]).status == .notFound)
            #expect(try await amaraAPI.send(.POST, reportPath, json: ["reason": "Asks for cash outside Rounds."]).status == .created)
            #expect(try await amaraAPI.send(.POST, reportPath, json: ["reason": "again"]).status == .conflict)

            // Now the administrator can read the conversation, and decide.
            #expect(try await admin.send(.GET, Self.path(application)).status == .ok)
            #expect(try await admin.send(.POST, Self.path(application), json: ["body": "hello"]).status == .notFound)
            let report = try #require(try await MessageReport.query(on: app.db).first())
            let desk = app.messageDesk(now: app.services.clock.now())
            try await desk.resolve(report.id, as: .remove, note: "Payments go through the site.", by: adminUser)
            await #expect(throws: (any Error).self) { try await desk.resolve(report.id, as: .dismiss, note: "", by: adminUser) }
            let after = try await amaraAPI.send(.GET, Self.path(application)).content.decode([MessageResponse].self)
            #expect(after.count == 1 && after[0].removed && after[0].body == nil)
            #expect(try await MessageReport.find(report.id, on: app.db)?.messageBody == "Pay me 500 dollars in cash first.")
            let audit = try await AdminAction.query(on: app.db).filter(\.$action == "message.remove").all()
            #expect(audit.count == 1 && audit[0].reason == "Payments go through the site.")
        }
    }

    @Test func theReportsPageAndTheConversationPageWorkInTheBrowser() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            let (amara, amaraAPI) = try await fixture.applicant("amara@example.org")
            let application = try await fixture.submitted(amaraAPI)
            let browser = Browser(app)
            #expect(try await browser.signIn(email: amara.email).status == .seeOther)
            let page = SiteRoute.applicationMessages(ApplicationID(application)).path
            let empty = try await browser.get(page)
            #expect(empty.status == .ok && empty.text.contains("No messages yet."))
            let refused = try await browser.post(page, form: [("body", "MRN 48213377 was my patient")])
            #expect(refused.status == .unprocessableEntity && refused.text.contains("48213377"))
            #expect(try await browser.post(page, form: [("body", "Hello <b>host</b>")]).status == .seeOther)
            // The page's form is multipart; a file input left empty is no attachment, a PDF is one.
            #expect(try await browser.upload(page, fields: [("body", "No file this time.")], fileName: "", bytes: []).status == .seeOther)
            #expect(try await browser.upload(page, fields: [("body", "My CV.")], fileName: "cv.pdf", bytes: ApplicationFixture.pdf).status == .seeOther)
            let shown = try await browser.get(page)
            #expect(shown.text.contains("Hello &lt;b&gt;host&lt;/b&gt;"))
            #expect(shown.text.contains("Attached: ") && shown.text.contains(">cv.pdf</a>"))
            let attachments = try await ApplicationMessage.query(on: app.db).all().map(\.attachmentName)
            #expect(attachments.compactMap { $0 } == ["cv.pdf"])
            #expect(try await browser.post(SiteRoute.messageEmail.path, form: [("message_email", "daily"), ("next", page)]).location == page)
            #expect(try await User.find(amara.id, on: app.db)?.messageEmail == "daily")
            #expect(try await browser.post(SiteRoute.messageEmail.path, form: [("message_email", "hourly")]).status == .unprocessableEntity)
        }
    }

    @Test func aDailyDigestCollectsMessagesOnceADay() async throws {
        try await withRoundsApp { app in
            let clock = try #require(app.services.clock as? ManualClock)
            let fixture = try await ApplicationFixture.make(app)
            let (_, amaraAPI) = try await fixture.applicant("amara@example.org")
            let application = try await fixture.submitted(amaraAPI)
            fixture.hostUser.messageEmail = MessageEmail.daily.rawValue
            try await fixture.hostUser.save(on: app.db)
            let before = try await Self.mail(app, to: fixture.hostUser.email).count
            for text in ["First question.", "Second question."] {
                #expect(try await amaraAPI.send(.POST, Self.path(application), json: ["body": text]).status == .created)
            }
            #expect(try await Self.mail(app, to: fixture.hostUser.email).count == before)
            func digest() async throws -> Int {
                try await MessageDigest(db: app.db, now: clock.now(), origin: "https://rounds.example").sendDue()
            }
            #expect(try await digest() == 1)
            let mail = try #require(try await Self.mail(app, to: fixture.hostUser.email).last)
            #expect(mail.subject == "Rounds: 2 new messages")
            #expect(mail.body.contains("First question.") && mail.body.contains("Second question."))
            #expect(try await digest() == 0)
            // A message an hour later waits for the next day's digest.
            try clock.advance(by: 3600)
            #expect(try await amaraAPI.send(.POST, Self.path(application), json: ["body": "Third question."]).status == .created)
            #expect(try await digest() == 0)
            try clock.advance(by: 23 * 3600)
            #expect(try await digest() == 1)
            #expect(try await Self.mail(app, to: fixture.hostUser.email).last?.body.contains("Third question.") == true)
            #expect(try await ApplicationMessage.query(on: app.db).filter(\.$mailedAt == nil).count() == 0)
        }
    }

    @Test func aFileTravelsWithAMessageUnderTheUploadRules() async throws {
        try await withRoundsApp(adjust: { $0.uploadMaximumBytes = 4_096 }) { app in
            let fixture = try await ApplicationFixture.make(app)
            let (_, amaraAPI) = try await fixture.applicant("amara@example.org")
            let (_, bola) = try await fixture.applicant("bola@example.org")
            let application = try await fixture.submitted(amaraAPI)

            let html = try await amaraAPI.upload(Self.path(application), fields: [("body", "The form you asked for.")], fileName: "form.html", bytes: Array("<html>".utf8))
            #expect(html.status == .unprocessableEntity && html.body.string.contains("Only PDF, PNG and JPEG"))
            let big = try await amaraAPI.upload(Self.path(application), fields: [("body", "Big.")], fileName: "big.pdf", bytes: ApplicationFixture.pdf + Array(repeating: 0x20, count: 5_000))
            #expect(big.status == .unprocessableEntity)
            #expect(try await ApplicationMessage.query(on: app.db).count() == 0)
            #expect(try await app.documentStore().keys().isEmpty)

            let sent = try await amaraAPI.upload(Self.path(application), fields: [("body", "The form you asked for.")], fileName: "visa form.pdf", bytes: ApplicationFixture.pdf)
            #expect(sent.status == .created, "\(sent.body.string)")
            let message = try sent.content.decode(MessageResponse.self)
            let url = try #require(message.attachment?.url)
            #expect(message.attachment?.fileName == "visa form.pdf" && message.attachment?.mediaType == "application/pdf")
            for reader in [amaraAPI, fixture.host] {
                let download = try await reader.send(.GET, url)
                #expect(download.status == .ok)
                #expect(Array(download.body.readableBytesView) == ApplicationFixture.pdf)
                #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
            }
            #expect(try await bola.send(.GET, url).status == .notFound)

            // Removed after a report: the text and the file go.
            #expect(try await fixture.host.send(.POST, APIRoute.messageReports(MessageID(message.id)).path, json: ["reason": "Wrong file"]).status == .created)
            let admin = try await Factories.user(app, email: "admin@example.org", roles: [.admin])
            let report = try #require(try await MessageReport.query(on: app.db).first())
            try await app.messageDesk(now: app.services.clock.now()).resolve(report.id, as: .remove, note: "", by: admin)
            #expect(try await amaraAPI.send(.GET, url).status == .notFound)
            #expect(try await app.documentStore().keys().isEmpty)
        }
    }
}
