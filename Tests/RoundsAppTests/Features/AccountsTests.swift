import Fluent
import Foundation
import NIOConcurrencyHelpers
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

@Suite struct AccountsTests {
    @Test func signingUpStartsASessionAndSendsApplicantsToTheirProfile() async throws {
        try await withRoundsApp { app in
            let browser = Browser(app)
            let response = try await browser.signUp()
            #expect(response.status == .seeOther)
            #expect(response.location == SiteRoute.profile.path)
            #expect(browser.sessionToken != nil)
            let profile = try await browser.get(SiteRoute.profile.path)
            #expect(profile.status == .ok)
            #expect(profile.text.contains("Amara Okafor"))
            let user = try #require(try await User.find(email: "AMARA@example.org", on: app.db))
            #expect(user.roles == [.applicant])
            #expect(user.passwordHash.hasPrefix("$2"))
            #expect(!user.passwordHash.contains(Browser.password))
        }
    }

    @Test func signUpRefusesBadInputWithFieldMessagesAndWritesNothing() async throws {
        try await withRoundsApp { app in
            let browser = Browser(app)
            let response = try await browser.post(
                SiteRoute.signUp.path,
                form: [("display_name", ""), ("email", "not-an-email"), ("password", "1qaz2wsx3edc"), ("role", "admin")]
            )
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("Enter your name."))
            #expect(response.text.contains("Enter an e-mail address"))
            #expect(response.text.contains("too common"))
            #expect(response.text.contains("Choose applicant or host."))
            #expect(try await User.query(on: app.db).count() == 0)
        }
    }

    @Test func aSecondAccountWithTheSameEmailIsRefused() async throws {
        try await withRoundsApp { app in
            try await Browser(app).signUp(email: "same@example.org")
            let response = try await Browser(app).signUp(email: "Same@Example.org")
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("already uses this e-mail"))
            #expect(try await User.query(on: app.db).count() == 1)
        }
    }

    @Test func unknownEmailAndWrongPasswordGetTheSameAnswer() async throws {
        try await withRoundsApp { app in
            try await Browser(app).signUp(email: "known@example.org")
            let wrongPassword = try await Browser(app).signIn(email: "known@example.org", password: "not the password!")
            let unknownEmail = try await Browser(app).signIn(email: "nobody@example.org", password: "not the password!")
            #expect(wrongPassword.status == .unauthorized)
            #expect(unknownEmail.status == .unauthorized)
            let strip = { (text: String) in text.replacingOccurrences(of: #"value="[^"]*""#, with: "", options: .regularExpression) }
            #expect(strip(wrongPassword.text) == strip(unknownEmail.text))
        }
    }

    @Test func signInGivesANewSessionIDAndSignOutEndsEverySession() async throws {
        try await withRoundsApp { app in
            let first = Browser(app)
            try await first.signUp(email: "amara@example.org")
            let firstSession = try #require(first.sessionToken)
            // Signing in again from the same browser replaces its session (no fixation).
            try await first.signIn(email: "amara@example.org")
            let secondSession = try #require(first.sessionToken)
            #expect(firstSession != secondSession)
            let other = Browser(app)
            try await other.signIn(email: "amara@example.org")
            #expect(try await UserSession.query(on: app.db).count() == 2)

            try await first.post(SiteRoute.signOut.path)
            #expect(try await UserSession.query(on: app.db).count() == 0)
            let replay = try await other.get(SiteRoute.account.path)
            #expect(replay.status == .seeOther)
            #expect(replay.location?.hasPrefix(SiteRoute.signIn.path) == true)
        }
    }

    @Test func aSessionCookieUsedAfterSignOutDoesNotSignIn() async throws {
        try await withRoundsApp { app in
            let browser = Browser(app)
            try await browser.signUp()
            let stolen = try #require(browser.sessionToken)
            try await browser.post(SiteRoute.signOut.path)
            let attacker = Browser(app)
            let response = try await attacker.get(SiteRoute.account.path, headers: ["Cookie": "rounds_session=\(stolen)"])
            #expect(response.status == .seeOther)
        }
    }

    @Test func sessionsExpireWhenIdleAndAfterTheAbsoluteLimit() async throws {
        let clock = ManualClock()
        try await withRoundsApp(clock: clock) { app in
            let browser = Browser(app)
            try await browser.signUp()
            clock.advance(by: 29 * 60)
            #expect(try await browser.get(SiteRoute.account.path).status == .ok)
            clock.advance(by: 30 * 60 + 1)
            #expect(try await browser.get(SiteRoute.account.path).status == .seeOther)

            try await browser.signIn(email: "amara@example.org")
            for _ in 0..<(12 * 60 / 20) {
                clock.advance(by: 20 * 60)
                _ = try await browser.get(SiteRoute.home.path)
            }
            // Active all along, but 12 hours have passed since sign-in.
            #expect(try await browser.get(SiteRoute.account.path).status == .seeOther)
            #expect(try await UserSession.query(on: app.db).count() == 0)
        }
    }

    @Test func changingThePasswordEndsTheOtherSessionsOnly() async throws {
        try await withRoundsApp { app in
            let browser = Browser(app)
            try await browser.signUp()
            let other = Browser(app)
            try await other.signIn(email: "amara@example.org")
            let changed = try await browser.post(
                SiteRoute.changePassword.path,
                form: [("current_password", Browser.password), ("new_password", "a brand new passphrase")]
            )
            #expect(changed.status == .seeOther)
            #expect(try await browser.get(SiteRoute.account.path).status == .ok)
            #expect(try await other.get(SiteRoute.account.path).status == .seeOther)
            #expect(try await Browser(app).signIn(email: "amara@example.org", password: "a brand new passphrase").status == .seeOther)
        }
    }

    @Test func changingThePasswordNeedsTheCurrentOne() async throws {
        try await withRoundsApp { app in
            let browser = Browser(app)
            try await browser.signUp()
            let before = try #require(try await User.find(email: "amara@example.org", on: app.db)).passwordHash
            let response = try await browser.post(
                SiteRoute.changePassword.path,
                form: [("current_password", "wrong password here"), ("new_password", "a brand new passphrase")]
            )
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("not your current password"))
            #expect(try #require(try await User.find(email: "amara@example.org", on: app.db)).passwordHash == before)
        }
    }

    /// Bcrypt takes a quarter of a second at cost 12; on the blocking pool, which runs every SQLite
    /// statement, each sign-in held up everyone's queries. With the pool's threads all held, passwords are
    /// still hashed and checked.
    @Test func passwordsAreHashedOffTheBlockingPool() async throws {
        try await withRoundsApp { app in
            let release = DispatchSemaphore(value: 0)
            // More jobs than the test app's pool has threads (two): every thread is held, the rest queue.
            let held = (0..<8).map { _ in app.threadPool.runIfActive(eventLoop: app.eventLoopGroup.next()) { release.wait() } }
            // Were hashing to wait for the pool, it would wait forever; this lets the test end and fail.
            let valveOpened = NIOLockedValueBox(false)
            DispatchQueue.global().asyncAfter(deadline: .now() + 30) {
                valveOpened.withLockedValue { $0 = true }
                for _ in held { release.signal() }
            }
            let hasher = app.services.passwordHasher
            let hash = try await hasher.hash("a long and unusual passphrase")
            let right = try await hasher.verify("a long and unusual passphrase", against: hash)
            let wrong = try await hasher.verify("another passphrase entirely", against: hash)
            #expect(!valveOpened.withLockedValue { $0 }, "hashing waited for the blocking pool")
            for _ in held { release.signal() }
            for job in held { try await job.get() }
            #expect(right && !wrong)
        }
    }
}
