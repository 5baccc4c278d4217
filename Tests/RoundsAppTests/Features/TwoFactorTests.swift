import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

@Suite struct TwoFactorTests {
    /// The code an authenticator app would show now for a Base32 secret.
    static func code(_ secret: String, _ app: Application, stepOffset: Int64 = 0) -> String {
        let now = Int64(app.services.clock.now().timeIntervalSince1970)
        return AuthenticatorSecret(base32: secret)!.code(step: OneTimeCodeRule.step(at: now) + stepOffset)
    }

    /// Signs up an applicant and turns two-factor sign-in on through the pages; returns the secret and codes.
    static func enrolledApplicant(_ app: Application, email: String = "amara@example.org") async throws -> (Browser, String, [String]) {
        let browser = Browser(app)
        try await browser.signUp(email: email)
        let page = try await browser.get(SiteRoute.twoFactor.path)
        #expect(page.status == .ok)
        let user = try #require(try await User.find(email: email, on: app.db))
        let secret = try #require(user.totpPendingSecret)
        #expect(page.text.contains(String(secret.prefix(4))))
        let enabled = try await browser.post(SiteRoute.enableTwoFactor.path, form: [("code", Self.code(secret, app))])
        #expect(enabled.status == .created)
        let codes = enabled.text.matches(of: /<code>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})<\/code>/).map { String($0.1) }
        return (browser, secret, codes)
    }

    @Test func enrolmentNeedsACodeFromTheAppAndGivesTenRecoveryCodes() async throws {
        try await withRoundsApp { app in
            let browser = Browser(app)
            try await browser.signUp()
            try await browser.get(SiteRoute.twoFactor.path)
            let wrong = try await browser.post(SiteRoute.enableTwoFactor.path, form: [("code", "000000")])
            #expect(wrong.status == .unprocessableEntity)
            #expect(try await User.find(email: "amara@example.org", on: app.db)?.hasTwoFactor == false)

            let (_, _, codes) = try await Self.enrolledApplicant(app, email: "b@example.org")
            #expect(codes.count == 10)
            #expect(Set(codes).count == 10)
            let stored = try await RecoveryCode.query(on: app.db).all().map(\.codeHash)
            #expect(stored.count == 10)
            #expect(codes.allSatisfy { !stored.contains($0) })
        }
    }

    @Test func signInAsksForTheCodeAndAcceptsEachCodeOnce() async throws {
        let clock = ManualClock()
        try await withRoundsApp(clock: clock) { app in
            let (_, secret, _) = try await Self.enrolledApplicant(app)
            clock.advance(by: 30)
            let browser = Browser(app)
            let password = try await browser.signIn(email: "amara@example.org")
            #expect(password.location == SiteRoute.signInTwoFactor.path)
            #expect(browser.sessionToken == nil)
            #expect(try await browser.get(SiteRoute.account.path).status == .seeOther)

            let code = Self.code(secret, app)
            let signedIn = try await browser.post(SiteRoute.signInTwoFactor.path, form: [("code", code)])
            #expect(signedIn.status == .seeOther)
            #expect(try await browser.get(SiteRoute.account.path).status == .ok)

            // The same code again, in another browser within the same 30 seconds, is a replay.
            let other = Browser(app)
            try await other.signIn(email: "amara@example.org")
            let replay = try await other.post(SiteRoute.signInTwoFactor.path, form: [("code", code)])
            #expect(replay.status == .unauthorized)
            #expect(other.sessionToken == nil)
        }
    }

    @Test func aRecoveryCodeSignsInOnce() async throws {
        try await withRoundsApp { app in
            let (_, _, codes) = try await Self.enrolledApplicant(app)
            let first = Browser(app)
            try await first.signIn(email: "amara@example.org")
            #expect(try await first.post(SiteRoute.signInTwoFactor.path, form: [("code", codes[3].uppercased())]).status == .seeOther)
            let second = Browser(app)
            try await second.signIn(email: "amara@example.org")
            #expect(try await second.post(SiteRoute.signInTwoFactor.path, form: [("code", codes[3])]).status == .unauthorized)
        }
    }

    @Test func aPendingSignInExpiresAndFailedCodesAreRateLimited() async throws {
        let clock = ManualClock()
        try await withRoundsApp(clock: clock) { app in
            let (_, secret, _) = try await Self.enrolledApplicant(app)
            let slow = Browser(app)
            try await slow.signIn(email: "amara@example.org")
            clock.advance(by: PendingSignIn.lifetime + 1)
            let late = try await slow.post(SiteRoute.signInTwoFactor.path, form: [("code", Self.code(secret, app))])
            #expect(late.location == SiteRoute.signIn.path)
            #expect(slow.sessionToken == nil)

            let guesser = Browser(app)
            try await guesser.signIn(email: "amara@example.org")
            var statuses: [HTTPStatus] = []
            for guess in 0..<app.config.rateLimits.twoFactorFailuresPerAccount.limit + 1 {
                statuses.append(try await guesser.post(SiteRoute.signInTwoFactor.path, form: [("code", String(format: "%06d", guess))]).status)
            }
            #expect(statuses.last == .tooManyRequests)
            #expect(guesser.sessionToken == nil)
        }
    }

    @Test func hostsMustSetUpTwoFactorBeforeAnythingElse() async throws {
        try await withRoundsApp { app in
            let host = Browser(app)
            let signUp = try await host.signUp(email: "host@example.org", role: "host")
            #expect(signUp.location == SiteRoute.twoFactor.path)
            let elsewhere = try await host.get(SiteRoute.account.path)
            #expect(elsewhere.location == SiteRoute.twoFactor.path)
            #expect(try await host.get(SiteRoute.twoFactor.path).status == .ok)
            let api = try await APIClient(app: app).send(
                .POST, APIRoute.tokens.path, json: ["email": "host@example.org", "password": Browser.password, "name": "x"]
            )
            #expect(api.status == .forbidden)
            #expect(try await APIToken.query(on: app.db).count() == 0)
        }
    }

    @Test func apiTokensNeedTheCurrentCodeOnceTwoFactorIsOn() async throws {
        try await withRoundsApp { app in
            let (_, secret, _) = try await Self.enrolledApplicant(app)
            let body: [String: any Sendable] = ["email": "amara@example.org", "password": Browser.password, "name": "script"]
            #expect(try await APIClient(app: app).send(.POST, APIRoute.tokens.path, json: body).status == .unauthorized)
            var withCode = body
            withCode["totp_code"] = Self.code(secret, app, stepOffset: 1)
            #expect(try await APIClient(app: app).send(.POST, APIRoute.tokens.path, json: withCode).status == .created)
        }
    }

    @Test func applicantsMayTurnItOffButHostsMayNot() async throws {
        try await withRoundsApp { app in
            let (browser, secret, _) = try await Self.enrolledApplicant(app)
            let off = try await browser.post(SiteRoute.disableTwoFactor.path, form: [("code", Self.code(secret, app, stepOffset: 1))])
            #expect(off.status == .seeOther)
            #expect(try await User.find(email: "amara@example.org", on: app.db)?.hasTwoFactor == false)
            #expect(try await RecoveryCode.query(on: app.db).count() == 0)

            let (host, _) = try await Factories.signedIn(app, email: "host@example.org", roles: [.host])
            let refused = try await host.post(SiteRoute.disableTwoFactor.path, form: [("code", Factories.totpCode(app))])
            #expect(refused.status == .forbidden)
            #expect(try await User.find(email: "host@example.org", on: app.db)?.hasTwoFactor == true)
        }
    }
}
