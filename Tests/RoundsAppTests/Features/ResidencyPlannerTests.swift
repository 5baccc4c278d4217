import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// The season planner (issue 19) through its pages. The test clock stands in September 2026, so the
/// default season is the 2027 Match, whose rank list deadline is not published.
@Suite struct ResidencyPlannerTests {
    static let imgProfile: [(String, String)] = [
        ("track", "img_graduate"), ("medical_school", "University of Lagos"), ("school_country", "Nigeria"),
        ("graduation_year", "2022"), ("step1", "passed"), ("ecfmg_status", "in_progress"),
        ("visa_status", "needs_visa"), ("specialties[]", "internal-medicine"), ("target_match_year", "2027"),
    ]

    static func program(_ name: String, specialty: String = "Internal Medicine", status: String = "applied", extra: [(String, String)] = [])
        -> [(String, String)]
    {
        [("name", name), ("specialty", specialty), ("city", "Boston"), ("state", "MA"), ("status", status), ("interview_time_zone", "America/New_York")]
            + extra
    }

    static func signedInIMG(_ app: Application) async throws -> Browser {
        let browser = Browser(app)
        try await browser.signUp()
        #expect(try await browser.post(SiteRoute.profile.path, form: Self.imgProfile).status == .seeOther)
        return browser
    }

    static var programs: String { SiteRoute.residencyPrograms.path(query: [("year", "2027")]) }

    @Test func anIMGSeesTheirTasksWithRulesSourcesAndUnpublishedDates() async throws {
        try await withRoundsApp { app in
            let browser = try await Self.signedInIMG(app)
            let page = try await browser.get(SiteRoute.residency.path)
            #expect(page.status == .ok)
            #expect(page.text.contains("Your 2027 Match plan"))
            #expect(page.text.contains("ECFMG certification"))
            #expect(page.text.contains("ecfmg.org/2023ib/certification.html"))
            #expect(page.text.contains("Date not published yet (Rank order list certification deadline)"))
            #expect(page.text.contains("Rank order list certification deadline</strong>: not published yet."))
            #expect(page.text.contains("Match Day</strong>: Fri 19 Mar 2027."))
            #expect(page.text.contains("inferred"))
            #expect(!page.text.contains("Pass USMLE Step 3"), "Step 3 only for H-1B")
            // The ECFMG token was due when MyERAS opened (June 2026): overdue until ticked.
            #expect(page.text.contains(#"<tr class="task-overdue"><td data-label="Task"><strong>Buy the ECFMG token for ERAS"#))
            let tick = try await browser.post(SiteRoute.residencyTask(.ecfmgERASToken).path(query: [("year", "2027")]), form: [("done", "true")])
            #expect(tick.status == .seeOther)
            let after = try await browser.get(SiteRoute.residency.path)
            #expect(after.text.contains(#"<tr class="task-done"><td data-label="Task"><strong>Buy the ECFMG token for ERAS"#))
            #expect(after.text.contains("<strong>2 of 11 tasks done</strong>. Next: ECFMG certification, due Thu 1 Jul 2027."))
            let wants = try await browser.post(SiteRoute.residencySettings.path(query: [("year", "2027")]), form: [("wants_h1b", "true")])
            #expect(wants.status == .seeOther)
            #expect(try await browser.get(SiteRoute.residency.path).text.contains("Pass USMLE Step 3 (for H-1B sponsorship)"))
        }
    }

    @Test func tasksRoundsSeesDoneCannotBeTicked() async throws {
        try await withRoundsApp { app in
            let browser = try await Self.signedInIMG(app)
            let response = try await browser.post(SiteRoute.residencyTask(.usmleStep1).path, form: [("done", "true")])
            #expect(response.status == .unprocessableEntity)
            #expect(try await ResidencyTaskCheck.query(on: app.db).count() == 0)
        }
    }

    @Test func programsAreAddedCheckedAndNeverDuplicated() async throws {
        try await withRoundsApp { app in
            let browser = try await Self.signedInIMG(app)
            #expect(try await browser.post(Self.programs, form: Self.program("Mercy Hospital IM")).status == .seeOther)
            let duplicate = try await browser.post(Self.programs, form: Self.program("Mercy Hospital IM"))
            #expect(duplicate.status == .unprocessableEntity)
            #expect(duplicate.text.contains("Mercy Hospital IM (Internal Medicine) is already on your 2027 list."))
            let bad = try await browser.post(
                Self.programs,
                form: [("name", ""), ("specialty", "Astrology"), ("state", "Massachusetts"), ("nrmp_code", "12"), ("status", "scheduled"), ("signal", "platinum")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("Name the program."))
            #expect(bad.text.contains("Choose a specialty from the list."))
            #expect(bad.text.contains("Choose a status from the list."))
            let noDate = try await browser.post(Self.programs, form: Self.program("General IM", status: "interview_scheduled"))
            #expect(noDate.status == .unprocessableEntity)
            #expect(noDate.text.contains("Give the interview date (YYYY-MM-DD) for this status."))
            #expect(try await ResidencyProgram.query(on: app.db).count() == 1)
        }
    }

    @Test func twoInterviewsOnOneDayAreFlaggedAsAClash() async throws {
        try await withRoundsApp { app in
            let browser = try await Self.signedInIMG(app)
            let interview: (String, String) -> [(String, String)] = { date, time in
                [("interview_date", date), ("interview_time", time), ("interview_format", "virtual")]
            }
            #expect(try await browser.post(Self.programs, form: Self.program("Mercy IM", status: "interview_scheduled", extra: interview("2026-11-10", "09:00"))).status == .seeOther)
            #expect(try await browser.post(Self.programs, form: Self.program("City IM", status: "interview_scheduled", extra: interview("2026-11-10", "14:00"))).status == .seeOther)
            #expect(try await browser.post(Self.programs, form: Self.program("Lake IM", status: "interview_scheduled", extra: interview("2026-11-12", "09:00"))).status == .seeOther)
            let page = try await browser.get(Self.programs)
            #expect(page.text.contains("Clash on Tue 10 Nov 2026: </strong>City IM and Mercy IM both interview you that day."))
            #expect(page.text.components(separatedBy: "Clash: another interview that day").count - 1 == 2)
        }
    }

    @Test func signalsStayWithinTheSpecialtysBudget() async throws {
        try await withRoundsApp { app in
            let browser = try await Self.signedInIMG(app)
            for index in 1...3 {
                let response = try await browser.post(Self.programs, form: Self.program("Gold \(index)", extra: [("signal", "gold")]))
                #expect(response.status == .seeOther)
            }
            let fourth = try await browser.post(Self.programs, form: Self.program("Gold 4", extra: [("signal", "gold")]))
            #expect(fourth.status == .unprocessableEntity)
            #expect(fourth.text.contains("Internal Medicine allows 3 gold signals (2025 season); all 3 are used."))
            let plain = try await browser.post(Self.programs, form: Self.program("Plain", extra: [("signal", "signal")]))
            #expect(plain.text.contains("Internal Medicine signals are gold or silver"))
            #expect(try await ResidencyProgram.query(on: app.db).count() == 3)
            let page = try await browser.get(Self.programs)
            #expect(page.text.contains("Internal Medicine: 3 of 3 gold, 0 of 12 silver used."))
            #expect(page.text.contains("Budgets are from the 2025 ERAS season; later numbers are not published"))
            // Moving a signal to another program of the same specialty is not double counting.
            let first = try #require(try await ResidencyProgram.query(on: app.db).filter(\.$name == "Gold 1").first())
            let edit = try await browser.post(SiteRoute.residencyProgram(try first.requireTypedID()).path, form: Self.program("Gold 1", extra: [("signal", "gold"), ("notes", "kept")]))
            #expect(edit.status == .seeOther)
        }
    }

    @Test func statusMovesFollowTheListsPath() async throws {
        try await withRoundsApp { app in
            let browser = try await Self.signedInIMG(app)
            let form = Self.program("Mercy IM", status: "ranked", extra: [("interview_date", "2026-11-10")])
            #expect(try await browser.post(Self.programs, form: form).status == .seeOther)
            let program = try #require(try await ResidencyProgram.query(on: app.db).first())
            let back = try await browser.post(SiteRoute.residencyProgram(try program.requireTypedID()).path, form: Self.program("Mercy IM", status: "applied"))
            #expect(back.status == .unprocessableEntity)
            #expect(back.text.contains("A program cannot go from Ranked to Applied."))
            #expect(try await ResidencyProgram.find(program.id, on: app.db)?.status == .ranked)
        }
    }

    @Test func theFeeEstimateCountsPerSpecialtyAndSaysWhichSeasonItUses() async throws {
        try await withRoundsApp { app in
            let browser = try await Self.signedInIMG(app)
            for index in 1...2 { _ = try await browser.post(Self.programs, form: Self.program("IM \(index)")) }
            _ = try await browser.post(Self.programs, form: Self.program("Looking", status: "considering"))
            let page = try await browser.get(SiteRoute.residency.path)
            #expect(page.text.contains("ERAS fees for the 2027 season are not published; this uses the 2026 season"))
            #expect(page.text.contains(#"<td data-label="ERAS, per specialty">Internal Medicine</td><td data-label="Programs">2</td><td data-label="Fee">$22</td><td data-label="One more program">$11</td>"#))
            #expect(page.text.contains("ECFMG token for ERAS (IMGs), not refundable: $165."))
            #expect(page.text.contains("Total: $342"), "22 ERAS + 80 transcript + 165 token + 75 NRMP")
        }
    }

    @Test func theCalendarFeedHoldsTheSeasonAndTheInterviewAndCanBeRevoked() async throws {
        try await withRoundsApp { app in
            let browser = try await Self.signedInIMG(app)
            _ = try await browser.post(
                Self.programs,
                form: Self.program("Mercy IM", status: "interview_scheduled", extra: [("interview_date", "2026-11-10"), ("interview_time", "09:00"), ("interview_time_zone", "America/Chicago")]))
            let made = try await browser.post(SiteRoute.residencyCalendar.path, form: [("action", "create"), ("year", "2027")])
            #expect(made.status == .ok)
            let address = try #require(made.text.components(separatedBy: #"readonly="readonly" value=""#).dropFirst().first?.components(separatedBy: "\"").first)
            let path = try #require(address.range(of: "/residency/").map { String(address[$0.lowerBound...]) }).replacingOccurrences(of: "&amp;", with: "&")
            let feed = try await Browser(app).get(path)
            #expect(feed.status == .ok)
            #expect(feed.headers.contentType?.description.hasPrefix("text/calendar") == true)
            let text = feed.body.string
            #expect(text.contains("SUMMARY:2027 Match: Match Day"))
            #expect(text.contains("SUMMARY:Interview: Mercy IM (Internal Medicine)"))
            // 09:00 Central is 10:00 in New York, the feed's zone.
            #expect(text.contains("DTSTART;TZID=America/New_York:20261110T100000"))
            #expect(text.contains("\r\n"))
            // Research deadlines follow the profile's status: NIH's summer programme takes citizens and residents.
            #expect(!text.contains("NIH Summer Internship"))
            let citizen = Self.imgProfile.map { $0.0 == "visa_status" ? ($0.0, "us_citizen") : $0 }
            #expect(try await browser.post(SiteRoute.profile.path, form: citizen).status == .seeOther)
            let refetched = try await Browser(app).get(path).body.string
            #expect(refetched.contains("SUMMARY:Application deadline: NIH Summer Internship Program (SIP)"))
            #expect(refetched.contains("DTSTART;VALUE=DATE:20270301"))
            let stored = try #require(try await ResidencySettings.query(on: app.db).first()?.calendarTokenHash)
            #expect(!path.contains(stored), "only the hash is stored")
            _ = try await browser.post(SiteRoute.residencyCalendar.path, form: [("action", "revoke")])
            #expect(try await Browser(app).get(path).status == .notFound)
            #expect(try await Browser(app).get(SiteRoute.residencyCalendarFeed.path(query: [("token", "guess")])).status == .notFound)
        }
    }

    @Test func anotherApplicantsProgramIsInvisible() async throws {
        try await withRoundsApp { app in
            let owner = try await Self.signedInIMG(app)
            _ = try await owner.post(Self.programs, form: Self.program("Mercy IM"))
            let program = try #require(try await ResidencyProgram.query(on: app.db).first())
            let stranger = Browser(app)
            try await stranger.signUp(email: "other@example.org", name: "Other Person")
            let id = try program.requireTypedID()
            #expect(try await stranger.get(SiteRoute.residencyProgram(id).path).status == .notFound)
            #expect(try await stranger.post(SiteRoute.deleteResidencyProgram(id).path, form: []).status == .notFound)
            #expect(!(try await stranger.get(SiteRoute.residencyPrograms.path).text.contains("Mercy IM")))
            #expect(try await ResidencyProgram.query(on: app.db).count() == 1)
        }
    }
}
