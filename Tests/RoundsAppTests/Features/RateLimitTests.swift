import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

@Suite struct RateLimitTests {
    @Test func failedSignInsPerAccountAndSourceAreLimitedThenAllowedAgainAfterTheWindow() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await withRoundsApp(clock: clock) { app in
            try await Browser(app).signUp(email: "amara@example.org")
            let limit = app.config.rateLimits.signInFailuresPerAccountAndIP.limit
            for _ in 0..<limit {
                #expect(try await Browser(app).signIn(email: "amara@example.org", password: "wrong password!").status == .unauthorized)
            }
            // Over the limit even the right password is refused from this source (a browser that never signed
            // in here), with a time to come back.
            let limited = try await Browser(app).signIn(email: "amara@example.org")
            #expect(limited.status == .tooManyRequests)
            let retryAfter = try #require(limited.headers.first(name: "Retry-After").flatMap(Int.init))
            #expect(retryAfter > 0 && retryAfter <= 15 * 60)

            clock.advance(by: TimeInterval(retryAfter))
            #expect(try await Browser(app).signIn(email: "amara@example.org").status == .seeOther)
        }
    }

    @Test func aSuccessfulSignInClearsTheAccountsFailures() async throws {
        try await withRoundsApp { app in
            try await Browser(app).signUp(email: "amara@example.org")
            let limit = app.config.rateLimits.signInFailuresPerAccountAndIP.limit
            for _ in 0..<(limit - 1) {
                try await Browser(app).signIn(email: "amara@example.org", password: "wrong password!")
            }
            #expect(try await Browser(app).signIn(email: "amara@example.org").status == .seeOther)
            for _ in 0..<(limit - 1) {
                #expect(try await Browser(app).signIn(email: "amara@example.org", password: "wrong password!").status == .unauthorized)
            }
        }
    }

    @Test func failedSignInsPerAddressAreLimitedAcrossAccounts() async throws {
        try await withRoundsApp(adjust: { $0.rateLimits.signInFailuresPerIP.limit = 3 }) { app in
            for index in 0..<3 {
                try await Browser(app).signIn(email: "user\(index)@example.org", password: "wrong password!")
            }
            #expect(try await Browser(app).signIn(email: "fresh@example.org").status == .tooManyRequests)
        }
    }

    @Test func guessingResetLinksIsLimitedPerAddress() async throws {
        try await withRoundsApp(adjust: { $0.rateLimits.badLinksPerIP.limit = 3 }) { app in
            var statuses: [HTTPStatus] = []
            for guess in 0..<4 {
                statuses.append(try await Browser(app).get(SiteRoute.resetPassword.path(query: [("token", "guess-\(guess)")])).status)
            }
            #expect(statuses == [.badRequest, .badRequest, .badRequest, .tooManyRequests])
        }
    }

    @Test func signUpsAndResetRequestsAreLimitedPerAddress() async throws {
        let tightLimits: (inout AppConfig) -> Void = { config in
            config.rateLimits.signUpsPerIP.limit = 2
            config.rateLimits.passwordResetsPerIP.limit = 2
        }
        try await withRoundsApp(adjust: tightLimits) { app in
            var statuses: [HTTPStatus] = []
            for email in ["a@example.org", "b@example.org", "c@example.org"] {
                statuses.append(try await Browser(app).signUp(email: email).status)
            }
            #expect(statuses == [.seeOther, .seeOther, .tooManyRequests])
            #expect(try await User.query(on: app.db).count() == 2)
            statuses = []
            for _ in 0..<3 {
                statuses.append(try await Browser(app).post(SiteRoute.forgotPassword.path, form: [("email", "a@example.org")]).status)
            }
            #expect(statuses == [.ok, .ok, .tooManyRequests])
        }
    }
}

/// Issue 13, item 8: the limits at the values a deployment gets by default, not lowered for the test.
@Suite struct DefaultLimitTests {
    @Test func signUpsAndResetRequestsStopExactlyAtTheirDefaultMaximum() async throws {
        try await withRoundsApp { app in
            let signUps = app.config.rateLimits.signUpsPerIP.limit
            let resets = app.config.rateLimits.passwordResetsPerIP.limit
            #expect((signUps, resets) == (AppConfig.RateLimits().signUpsPerIP.limit, AppConfig.RateLimits().passwordResetsPerIP.limit))
            var statuses: [HTTPStatus] = []
            for index in 0...signUps {
                statuses.append(try await Browser(app).signUp(email: "user\(index)@example.org").status)
            }
            #expect(statuses == Array(repeating: .seeOther, count: signUps) + [.tooManyRequests])
            statuses = []
            for _ in 0...resets {
                statuses.append(try await Browser(app).post(SiteRoute.forgotPassword.path, form: [("email", "user0@example.org")]).status)
            }
            #expect(statuses == Array(repeating: .ok, count: resets) + [.tooManyRequests])
        }
    }
}

/// Issue 13, defect 4: five wrong passwords from a stranger locked the owner out for 15 minutes.
@Suite struct SignInLockoutTests {
    @Test func aStrangersGuessesNeverLockOutABrowserThatSignedInBefore() async throws {
        try await withRoundsApp { app in
            let owner = Browser(app)
            try await owner.signUp(email: "amara@example.org")
            #expect(owner.cookies["rounds_device"] != nil, "signing up signs in and trusts the browser")
            try await owner.post(SiteRoute.signOut.path)
            let stranger = Browser(app)
            let limit = app.config.rateLimits.signInFailuresPerAccountAndIP.limit
            for _ in 0..<limit {
                #expect(try await stranger.signIn(email: "amara@example.org", password: "wrong password!").status == .unauthorized)
            }
            #expect(try await stranger.signIn(email: "amara@example.org", password: "wrong password!").status == .tooManyRequests)
            // Same address (tests have one), but the owner's browser carries its device cookie.
            #expect(try await owner.signIn(email: "amara@example.org").status == .seeOther)
            #expect(owner.sessionToken != nil)
        }
    }

    @Test func failuresCountPerAccountAndSourceSoAnotherAddressStillSignsIn() async throws {
        try await withRoundsApp { app in
            try await Factories.user(app, email: "amara@example.org", roles: [.applicant])
            let accounts = AccountService(db: app.db, config: app.config, services: app.services)
            let limit = app.config.rateLimits.signInFailuresPerAccountAndIP.limit
            for _ in 0..<limit {
                await #expect(throws: Abort.self) { try await accounts.authenticate(email: "amara@example.org", password: "guess guess!", ip: "203.0.113.9") }
            }
            await #expect(throws: TooManyRequests.self) {
                try await accounts.authenticate(email: "amara@example.org", password: Browser.password, ip: "203.0.113.9")
            }
            let user = try await accounts.authenticate(email: "amara@example.org", password: Browser.password, ip: "198.51.100.7")
            #expect(user.email == "amara@example.org")
        }
    }

    @Test func guessesSpreadOverManyAddressesSlowTheAccountDownForAMinuteOnly() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await withRoundsApp(clock: clock) { app in
            let owner = try await Factories.user(app, email: "amara@example.org", roles: [.applicant])
            let accounts = AccountService(db: app.db, config: app.config, services: app.services)
            let device = try #require(try await accounts.trustDevice(for: owner, presented: nil))
            let limit = app.config.rateLimits.signInFailuresPerAccount.limit
            for index in 0..<limit {
                await #expect(throws: Abort.self) { try await accounts.authenticate(email: "amara@example.org", password: "guess guess!", ip: "203.0.113.\(index)") }
            }
            var retryAfter = 0
            do {
                _ = try await accounts.authenticate(email: "amara@example.org", password: Browser.password, ip: "198.51.100.7")
                Issue.record("an untrusted source is slowed down while the account is under attack")
            } catch let limited as TooManyRequests {
                retryAfter = limited.retryAfter
            }
            #expect(retryAfter > 0 && retryAfter <= 60)
            // The owner's trusted browser is not slowed down at all.
            let trusted = try await accounts.authenticate(email: "amara@example.org", password: Browser.password, ip: "198.51.100.7", deviceToken: device)
            #expect(trusted.email == "amara@example.org")
            clock.advance(by: TimeInterval(retryAfter))
            #expect(try await accounts.authenticate(email: "amara@example.org", password: Browser.password, ip: "198.51.100.7").email == "amara@example.org")
        }
    }

    @Test func aTrustedBrowserStillHasALimitOfItsOwn() async throws {
        try await withRoundsApp { app in
            let owner = try await Factories.user(app, email: "amara@example.org", roles: [.applicant])
            let accounts = AccountService(db: app.db, config: app.config, services: app.services)
            let device = try #require(try await accounts.trustDevice(for: owner, presented: nil))
            #expect(try await accounts.trustDevice(for: owner, presented: device) == nil, "a trusted browser keeps its cookie")
            for index in 0..<app.config.rateLimits.signInFailuresPerDevice.limit {
                await #expect(throws: Abort.self) {
                    try await accounts.authenticate(email: "amara@example.org", password: "guess guess!", ip: "203.0.113.\(index)", deviceToken: device)
                }
            }
            await #expect(throws: TooManyRequests.self) {
                try await accounts.authenticate(email: "amara@example.org", password: Browser.password, ip: "203.0.113.99", deviceToken: device)
            }
            // A device cookie of another account is no cookie at all.
            let other = try await Factories.user(app, email: "other@example.org", roles: [.applicant])
            let otherDevice = try #require(try await accounts.trustDevice(for: other, presented: nil))
            #expect(try await TrustedDevice.find(token: otherDevice, userID: owner.requireID(), now: app.services.clock.now(), on: app.db) == nil)
        }
    }
}
