import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// The newsletter (issue 22): double opt-in by a single-use, expiring link; issues composed from guides
/// and sent through the outbox to confirmed subscribers only, one message each, with RFC 8058 one-click
/// unsubscribe that needs no sign-in.
@Suite struct NewsletterTests {
    static func token(in text: String) throws -> String {
        try #require(text.firstMatch(of: /token=([A-Za-z0-9_%-]+)/)).1.removingPercentEncoding ?? ""
    }

    static func subscribe(_ app: Application, _ email: String) async throws -> TestingHTTPResponse {
        try await Browser(app).post(SiteRoute.newsletter.path, form: [("email", email)])
    }

    static func mails(_ app: Application, to email: String) async throws -> [OutboxMessage] {
        try await OutboxMessage.query(on: app.db).filter(\.$recipient == email).sort(\.$createdAt).all()
    }

    /// Subscribes and confirms `email` through the pages, as a person would.
    static func confirmed(_ app: Application, _ email: String) async throws {
        _ = try await Self.subscribe(app, email)
        let token = try Self.token(in: try #require(try await Self.mails(app, to: email).last).body)
        let browser = Browser(app)
        #expect(try await browser.get(SiteRoute.newsletterConfirm.path(query: [("token", token)])).status == .ok)
        #expect(try await browser.post(SiteRoute.newsletterConfirm.path, form: [("token", token)]).status == .seeOther)
    }

    static func publishedGuide(_ app: Application) async throws -> Guide {
        let advisor = try await Factories.user(app, email: "writer@example.org", roles: [.advisor])
        let draft = GuideDraft(title: "Letters early", summary: "Ask early.", body: "Text.", tags: ["letters"], status: "published")
        return try await GuideLibrary(db: app.db, now: Date()).save(draft, as: nil, by: advisor)
    }

    @Test func aSubscriptionStartsOnlyFromTheConfirmationLinkWhichWorksOnceFor48Hours() async throws {
        let clock = ManualClock()
        try await withRoundsApp(clock: clock) { app in
            let answer = try await Self.subscribe(app, "Reader@Example.org")
            #expect(answer.status == .seeOther)
            let subscriber = try #require(try await NewsletterSubscriber.query(on: app.db).first())
            #expect(subscriber.email == "reader@example.org" && subscriber.status == .pending)
            let mail = try #require(try await Self.mails(app, to: "reader@example.org").first)
            let token = try Self.token(in: mail.body)
            #expect(subscriber.confirmTokenHash == SecretToken.hash(token))  // stored hashed
            #expect(!(try await NewsletterSubscriber.query(on: app.db).all().contains { $0.confirmTokenHash == token }))

            // Opening the link (as a mail scanner would) changes nothing; the button confirms.
            #expect(try await Browser(app).get(SiteRoute.newsletterConfirm.path(query: [("token", token)])).status == .ok)
            #expect(try await NewsletterSubscriber.query(on: app.db).first()?.status == .pending)
            #expect(try await Browser(app).post(SiteRoute.newsletterConfirm.path, form: [("token", token)]).status == .seeOther)
            #expect(try await NewsletterSubscriber.query(on: app.db).first()?.status == .confirmed)
            #expect(try await Browser(app).post(SiteRoute.newsletterConfirm.path, form: [("token", token)]).status == .notFound)

            // Signing up again: the same answer, and no mail to a confirmed address.
            #expect(try await Self.subscribe(app, "reader@example.org").status == .seeOther)
            #expect(try await Self.mails(app, to: "reader@example.org").count == 1)

            // An expired link does not confirm.
            _ = try await Self.subscribe(app, "late@example.org")
            let late = try Self.token(in: try #require(try await Self.mails(app, to: "late@example.org").first).body)
            clock.advance(by: 48 * 60 * 60 + 1)
            #expect(try await Browser(app).get(SiteRoute.newsletterConfirm.path(query: [("token", late)])).status == .notFound)
            #expect(try await Browser(app).post(SiteRoute.newsletterConfirm.path, form: [("token", late)]).status == .notFound)

            let bad = try await Self.subscribe(app, "not an address")
            #expect(bad.status == .unprocessableEntity && bad.text.contains("Enter an e-mail address"))
        }
    }

    /// The form's limit counts the address as typed, as the API's does: padding a plausible address past 254
    /// characters is refused, not trimmed into range.
    @Test func aPaddedAddressPastTheLimitIsRefused() async throws {
        try await withRoundsApp { app in
            let answer = try await Self.subscribe(app, "padded@example.org" + String(repeating: " ", count: 250))
            #expect(answer.status == .unprocessableEntity)
            #expect(try await NewsletterSubscriber.query(on: app.db).count() == 0)
        }
    }

    @Test func anIssueGoesToConfirmedSubscribersOnlyEachAloneWithOneClickUnsubscribe() async throws {
        try await withRoundsApp { app in
            let guide = try await Self.publishedGuide(app)
            try await Self.confirmed(app, "one@example.org")
            try await Self.confirmed(app, "two@example.org")
            _ = try await Self.subscribe(app, "pending@example.org")
            let (admin, _) = try await Factories.signedIn(app, email: "sam@example.org", roles: [.admin])

            let refused = try await admin.post(SiteRoute.adminNewsletter.path, form: [("subject", ""), ("intro", "")])
            #expect(refused.status == .unprocessableEntity && refused.text.contains("Choose 1 to 10 guides"))
            let created = try await admin.post(
                SiteRoute.adminNewsletter.path, form: [("subject", "December at Rounds"), ("intro", "New this month: **letters**."), ("guides[]", guide.id!.uuidString)])
            #expect(created.status == .seeOther)
            let issue = try #require(try await NewsletterIssue.query(on: app.db).first())
            let preview = try await admin.get(SiteRoute.adminNewsletterIssue(issue.route).path)
            #expect(preview.text.contains("Send to 2 confirmed subscribers") && preview.text.contains("Letters early"))
            #expect(!preview.text.contains("one@example.org"))  // counts, never addresses
            #expect(try await Browser(app).get(SiteRoute.newsletterIssue(issue.route).path).status == .notFound)  // a draft is not archived

            #expect(try await admin.post(SiteRoute.adminNewsletterSend(issue.route).path, form: []).status == .seeOther)
            #expect(try await admin.post(SiteRoute.adminNewsletterSend(issue.route).path, form: []).status == .conflict)
            let sent = try await OutboxMessage.query(on: app.db).filter(\.$subject == "December at Rounds").all()
            #expect(Set(sent.map(\.recipient)) == ["one@example.org", "two@example.org"])
            for message in sent {
                let other = message.recipient == "one@example.org" ? "two@example.org" : "one@example.org"
                #expect(!message.body.contains(other))
                #expect(message.body.contains(app.config.server.origin + "/guides/letters-early"))
                let unsubscribe = try #require(message.listUnsubscribe)
                #expect(message.body.contains(unsubscribe))
                let formatted = SMTPClient.format(
                    MailMessage(from: "rounds@example.org", to: message.recipient, subject: message.subject, body: message.body, listUnsubscribe: unsubscribe),
                    date: Date(), messageID: "x")
                #expect(formatted.contains("List-Unsubscribe: <\(unsubscribe)>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"))
            }
            #expect(try await Browser(app).get(SiteRoute.newsletterIssues.path).text.contains("December at Rounds"))
            #expect(try await Browser(app).get(SiteRoute.newsletterIssue(issue.route).path).text.contains("<strong>letters</strong>"))

            // A mail program's one-click POST (RFC 8058): no cookie, no CSRF token, no sign-in.
            let first = try #require(sent.first { $0.recipient == "one@example.org" })
            let path = try #require(first.listUnsubscribe?.replacingOccurrences(of: app.config.server.origin, with: ""))
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            let oneClick = try await app.testing().performTest(
                request: TestingHTTPRequest(method: .POST, url: URI(path: path), headers: headers, body: ByteBuffer(string: "List-Unsubscribe=One-Click")))
            #expect(oneClick.status == .ok)
            let states = try await NewsletterSubscriber.query(on: app.db).all().reduce(into: [String: NewsletterSubscriber.Status]()) { $0[$1.email] = $1.status }
            #expect(states == ["one@example.org": .unsubscribed, "two@example.org": .confirmed, "pending@example.org": .pending])
            // The link in the body shows a page with one button; a second use changes nothing.
            #expect(try await Browser(app).get(path).text.contains("already unsubscribed"))
            #expect(try await Browser(app).post(SiteRoute.newsletterUnsubscribe.path(query: [("token", "made-up")]), form: []).status == .notFound)
        }
    }

    @Test func twoSignUpsOfOneAddressAtOnceMakeOneSubscriber() async throws {
        try await withRoundsApp { app in
            async let first = Self.subscribe(app, "twice@example.org")
            async let second = Self.subscribe(app, "twice@example.org")
            let statuses = try await [first.status, second.status]
            #expect(statuses == [.seeOther, .seeOther])
            #expect(try await NewsletterSubscriber.query(on: app.db).count() == 1)
        }
    }

    @Test func onlyAdministratorsComposeIssues() async throws {
        try await withRoundsApp { app in
            for role in [Role.applicant, .host, .advisor] {
                let (browser, _) = try await Factories.signedIn(app, email: "\(role.rawValue)@example.org", roles: [role])
                #expect(try await browser.get(SiteRoute.adminNewsletter.path).status == .forbidden)
                #expect(try await browser.post(SiteRoute.adminNewsletter.path, form: [("subject", "x")]).status == .forbidden)
            }
        }
    }
}
