import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

@Suite struct PasswordResetTests {
    /// The reset link from the newest message in the outbox.
    static func resetToken(in app: Application) async throws -> String {
        let message = try #require(try await OutboxMessage.query(on: app.db).sort(\.$createdAt, .descending).first())
        // A link a mail client can follow: the origin as it is, then the path and token.
        #expect(message.body.contains(app.config.server.origin + SiteRoute.resetPassword.path + "?token="))
        let match = try #require(message.body.firstMatch(of: /token=([A-Za-z0-9_%-]+)/))
        return String(match.1).removingPercentEncoding!
    }

    @Test func aResetLinkSetsANewPasswordOnceAndEndsSessions() async throws {
        try await withRoundsApp { app in
            let owner = Browser(app)
            try await owner.signUp(email: "amara@example.org")
            let requested = try await Browser(app).post(SiteRoute.forgotPassword.path, form: [("email", "amara@example.org")])
            #expect(requested.status == .ok)
            let token = try await Self.resetToken(in: app)

            let visitor = Browser(app)
            #expect(try await visitor.get(SiteRoute.resetPassword.path(query: [("token", token)])).status == .ok)
            let reset = try await visitor.post(SiteRoute.resetPassword.path, form: [("token", token), ("password", "fresh secret phrase")])
            #expect(reset.status == .seeOther)
            #expect(try await owner.get(SiteRoute.account.path).status == .seeOther)
            #expect(try await Browser(app).signIn(email: "amara@example.org", password: "fresh secret phrase").status == .seeOther)

            let reused = try await visitor.post(SiteRoute.resetPassword.path, form: [("token", token), ("password", "another secret phrase")])
            #expect(reused.status == .badRequest)
            #expect(try await Browser(app).signIn(email: "amara@example.org", password: "fresh secret phrase").status == .seeOther)
        }
    }

    @Test func askingForAnUnknownAddressLooksTheSameAndSendsNothing() async throws {
        try await withRoundsApp { app in
            try await Browser(app).signUp(email: "amara@example.org")
            let known = try await Browser(app).post(SiteRoute.forgotPassword.path, form: [("email", "amara@example.org")])
            let unknown = try await Browser(app).post(SiteRoute.forgotPassword.path, form: [("email", "nobody@example.org")])
            #expect(known.status == unknown.status)
            let strip = { (text: String) in text.replacingOccurrences(of: #"value="[^"]*""#, with: "", options: .regularExpression) }
            #expect(strip(known.text) == strip(unknown.text))
            #expect(try await OutboxMessage.query(on: app.db).count() == 1)
        }
    }

    @Test func expiredAndMadeUpLinksAreRefused() async throws {
        let clock = ManualClock()
        try await withRoundsApp(clock: clock) { app in
            try await Browser(app).signUp(email: "amara@example.org")
            try await Browser(app).post(SiteRoute.forgotPassword.path, form: [("email", "amara@example.org")])
            let token = try await Self.resetToken(in: app)
            clock.advance(by: PasswordReset.lifetime + 1)
            let expired = try await Browser(app).post(SiteRoute.resetPassword.path, form: [("token", token), ("password", "fresh secret phrase")])
            #expect(expired.status == .badRequest)
            let madeUp = try await Browser(app).get(SiteRoute.resetPassword.path(query: [("token", "guess")]))
            #expect(madeUp.status == .badRequest)
        }
    }
}
