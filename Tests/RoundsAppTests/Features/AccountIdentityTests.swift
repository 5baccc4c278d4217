import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 23, account settings: the name, the e-mail address (changed only from a link sent to the new
/// address, the old one told), two-factor sign-in linked for every role, and signed-in browsers.
@Suite struct AccountIdentityTests {
    static func mail(to address: String, _ app: Application) async throws -> [OutboxMessage] {
        try await OutboxMessage.query(on: app.db).filter(\.$recipient == address).sort(\.$createdAt).all()
    }

    static func link(in body: String) throws -> String {
        let start = try #require(body.range(of: SiteRoute.confirmEmailChange.path + "?token="))
        return String(body[start.lowerBound...].prefix { !$0.isWhitespace })
    }

    @Test func theNameChangesAndAnEmptyOneIsRefused() async throws {
        try await withRoundsApp { app in
            let (browser, _) = try await Factories.signedIn(app, email: "amara@example.org", roles: [.applicant])
            #expect(try await browser.post(SiteRoute.accountName.path, form: [("display_name", "  Amara Okafor  ")]).status == .seeOther)
            #expect(try await User.find(email: "amara@example.org", on: app.db)?.displayName == "Amara Okafor")
            let refused = try await browser.post(SiteRoute.accountName.path, form: [("display_name", " ")])
            #expect(refused.status == .unprocessableEntity && refused.text.contains("Enter your name"))
            let page = try await browser.get(SiteRoute.account.path)
            #expect(page.text.contains("Turn on two-factor sign-in") && page.text.contains("(this browser)"))
        }
    }

    @Test func theAddressChangesOnlyFromTheLinkSentToIt() async throws {
        try await withRoundsApp { app in
            let (browser, _) = try await Factories.signedIn(app, email: "amara@example.org", roles: [.applicant])
            let wrong = try await browser.post(SiteRoute.accountEmail.path, form: [("new_email", "amara@new.example.org"), ("current_password", "nope")])
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("This is not your current password") && wrong.text.contains("amara@new.example.org"))
            #expect(try await Self.mail(to: "amara@new.example.org", app).isEmpty)

            let asked = try await browser.post(SiteRoute.accountEmail.path, form: [("new_email", "Amara@New.Example.org"), ("current_password", Browser.password)])
            #expect(asked.status == .seeOther)
            #expect(try await Self.mail(to: "amara@example.org", app).last?.subject == "Rounds: a change of e-mail address was asked for")
            let confirmation = try #require(try await Self.mail(to: "amara@new.example.org", app).last)
            let link = try Self.link(in: confirmation.body)
            #expect(try await EmailChange.query(on: app.db).first()?.tokenHash != link.components(separatedBy: "token=").last, "only the hash is stored")
            #expect(try await browser.get(SiteRoute.account.path).text.contains("Waiting for amara@new.example.org to confirm"))

            // Opening the link changes nothing (mail scanners open links); the button does, once.
            let elsewhere = Browser(app)
            let page = try await elsewhere.get(link)
            #expect(page.status == .ok && page.text.contains("Use this address"))
            #expect(try await User.find(email: "amara@example.org", on: app.db) != nil)
            let token = String(link.split(separator: "=").last!)
            let done = try await elsewhere.post(SiteRoute.confirmEmailChange.path, form: [("token", token)])
            #expect(done.status == .seeOther && done.location == SiteRoute.signIn.path)
            #expect(try await User.find(email: "amara@example.org", on: app.db) == nil)
            #expect(try await User.find(email: "amara@new.example.org", on: app.db) != nil)
            #expect(try await Self.mail(to: "amara@example.org", app).last?.subject == "Rounds: your e-mail address was changed")
            #expect(try await elsewhere.post(SiteRoute.confirmEmailChange.path, form: [("token", token)]).status == .notFound)
            #expect(try await Browser(app).signIn(email: "amara@new.example.org").location != SiteRoute.signIn.path)
        }
    }

    @Test func anAddressAnotherAccountHasIsNeverLinkedAndTheAnswerIsTheSame() async throws {
        try await withRoundsApp { app in
            try await Factories.user(app, email: "taken@example.org", roles: [.applicant])
            let (browser, _) = try await Factories.signedIn(app, email: "amara@example.org", roles: [.applicant])
            let asked = try await browser.post(SiteRoute.accountEmail.path, form: [("new_email", "taken@example.org"), ("current_password", Browser.password)])
            #expect(asked.status == .seeOther)
            #expect(try await EmailChange.query(on: app.db).count() == 0)
            let note = try #require(try await Self.mail(to: "taken@example.org", app).last)
            #expect(note.subject == "Rounds: someone tried to use this address" && !note.body.contains("token="))
        }
    }

    @Test func aLinkExpiresAfterTwoDays() async throws {
        try await withRoundsApp { app in
            let (browser, _) = try await Factories.signedIn(app, email: "amara@example.org", roles: [.applicant])
            _ = try await browser.post(SiteRoute.accountEmail.path, form: [("new_email", "later@example.org"), ("current_password", Browser.password)])
            let link = try Self.link(in: try #require(try await Self.mail(to: "later@example.org", app).last).body)
            (app.services.clock as? ManualClock)?.advance(by: EmailChanges.lifetime + 1)
            #expect(try await Browser(app).get(link).status == .notFound)
        }
    }

    @Test func anotherBrowserCanBeSignedOut() async throws {
        try await withRoundsApp { app in
            let (first, _) = try await Factories.signedIn(app, email: "amara@example.org", roles: [.applicant])
            let second = try await Factories.browser(app, signedInAs: "amara@example.org")
            let secondToken = try #require(second.sessionToken)
            let other = try #require(try await UserSession.query(on: app.db).filter(\.$tokenHash == SecretToken.hash(secondToken)).first())
            let page = try await first.get(SiteRoute.account.path)
            #expect(page.text.contains("Sign out that browser") && page.text.contains("Sign out every other browser"))
            #expect(try await first.post("/account/sessions/\(other.id!)/end", form: []).status == .seeOther)
            #expect(try await second.get(SiteRoute.account.path).location?.hasPrefix(SiteRoute.signIn.path) == true)
            #expect(try await first.get(SiteRoute.account.path).status == .ok)
            let (stranger, _) = try await Factories.signedIn(app, email: "other@example.org", roles: [.applicant])
            let firstSession = try #require(try await UserSession.query(on: app.db).filter(\.$user.$id == User.find(email: "amara@example.org", on: app.db)!.requireID()).first())
            #expect(try await stranger.post("/account/sessions/\(firstSession.id!)/end", form: []).status == .notFound)
        }
    }
}
