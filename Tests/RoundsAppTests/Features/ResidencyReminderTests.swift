import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Plan reminders and the weekly digest (issue 19), sent through the outbox. The clock stands six days
/// before training starts for the 2027 Match, when ECFMG certification is due.
@Suite struct ResidencyReminderTests {
    static let start = Date(timeIntervalSince1970: TimeInterval(Day(iso: "2027-06-25")!.ordinal) * 86_400 + 12 * 3600)

    static func subscribed(_ app: Application, email: String = "amara@example.org", ecfmg: String = "in_progress", settings: [(String, String)])
        async throws -> Browser
    {
        let browser = Browser(app)
        try await browser.signUp(email: email)
        let profile: [(String, String)] = [
            ("track", "img_graduate"), ("medical_school", "University of Lagos"), ("school_country", "Nigeria"), ("graduation_year", "2022"),
            ("ecfmg_status", ecfmg), ("visa_status", "needs_visa"), ("target_match_year", "2027"),
        ]
        #expect(try await browser.post(SiteRoute.profile.path, form: profile).status == .seeOther)
        #expect(try await browser.post(SiteRoute.residencySettings.path, form: settings).status == .seeOther)
        return browser
    }

    static func run(_ app: Application) async throws -> Int {
        try await ResidencyReminders(db: app.db, now: app.services.clock.now(), reference: app.residency, origin: "https://rounds.example").run()
    }

    static func mail(_ app: Application) async throws -> [OutboxMessage] {
        try await OutboxMessage.query(on: app.db).filter(\.$subject ~~ "due").all()
    }

    @Test func aTaskDueWithinTheWindowIsRemindedOnceWithItsSourceAndHowToStop() async throws {
        try await withRoundsApp(clock: ManualClock(Self.start)) { app in
            _ = try await Self.subscribed(app, settings: [("reminder_days", "7")])
            #expect(try await Self.run(app) == 1)
            let message = try #require(try await Self.mail(app).first)
            #expect(message.recipient == "amara@example.org")
            #expect(message.subject == "Rounds: ECFMG certification is due Thu 1 Jul 2027")
            #expect(message.body.contains("Source: https://ecfmg.org/2023ib/certification.html"))
            #expect(message.body.contains("To stop them, choose \"No reminders\""))
            #expect(message.body.contains("https://rounds.example/residency?year=2027"))
            #expect(try await Self.run(app) == 0, "once per task")
            #expect(try await Self.mail(app).count == 1)
        }
    }

    @Test func nothingIsSentForDoneTasksOrToThoseWhoDidNotAsk() async throws {
        try await withRoundsApp(clock: ManualClock(Self.start)) { app in
            _ = try await Self.subscribed(app, ecfmg: "certified", settings: [("reminder_days", "7")])
            let other = Browser(app)
            try await other.signUp(email: "quiet@example.org", name: "Quiet Person")
            #expect(try await Self.run(app) == 0)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$subject ~~ "Rounds: ECFMG").count() == 0)
        }
    }

    @Test func aWindowTooShortWaitsUntilTheDateIsNear() async throws {
        let clock = ManualClock(Self.start)
        try await withRoundsApp(clock: clock) { app in
            _ = try await Self.subscribed(app, settings: [("reminder_days", "3")])
            #expect(try await Self.run(app) == 0, "six days ahead of a three-day window")
            clock.advance(by: 3 * 86_400)
            #expect(try await Self.run(app) == 1)
        }
    }

    @Test func theWeeklyDigestGoesOutOnceAWeek() async throws {
        let clock = ManualClock(Self.start)
        try await withRoundsApp(clock: clock) { app in
            _ = try await Self.subscribed(app, settings: [("weekly_digest", "true")])
            #expect(try await Self.run(app) == 1)
            let digest = try #require(try await OutboxMessage.query(on: app.db).filter(\.$subject == "Rounds: your 2027 Match week ahead").first())
            #expect(digest.body.contains("- ECFMG certification: due Thu 1 Jul 2027"))
            #expect(digest.body.contains("on a date not published yet"))
            clock.advance(by: 6 * 86_400)
            #expect(try await Self.run(app) == 0)
            clock.advance(by: 86_400)
            #expect(try await Self.run(app) == 1)
        }
    }

    @Test func settingsRefuseAnOddNumberOfDays() async throws {
        try await withRoundsApp(clock: ManualClock(Self.start)) { app in
            let browser = try await Self.subscribed(app, settings: [])
            #expect(try await browser.post(SiteRoute.residencySettings.path, form: [("reminder_days", "5")]).status == .unprocessableEntity)
            #expect(try await browser.post(SiteRoute.residencySettings.path, form: [("reminder_days", "soon")]).status == .unprocessableEntity)
            #expect(try await ResidencySettings.query(on: app.db).first()?.reminderDays == nil)
        }
    }
}
