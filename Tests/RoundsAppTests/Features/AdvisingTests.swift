import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Advising (issue 22): personal statements with versions never overwritten, word diffs and the
/// identifier guard; reviews with anchored comments and suggestions; advisor slots booked once.
@Suite struct AdvisingTests {
    static let first = "I first saw family medicine in a rural clinic. The clinic taught me patience. I want to serve rural patients."
    static let second = "I first saw family medicine in a rural clinic in Ohio. The clinic taught me patience. I want to serve rural patients."

    static func version(title: String = "Family medicine", specialty: String = "family-medicine", service: String = "eras", text: String, note: String = "") -> [(String, String)] {
        [("title", title), ("specialty", specialty), ("service", service), ("text", text), ("note", note)]
    }

    /// A statement with two versions; its id.
    static func statement(_ app: Application, _ browser: Browser) async throws -> UUID {
        let created = try await browser.post(SiteRoute.statements.path, form: Self.version(text: Self.first, note: "first draft"))
        #expect(created.status == .seeOther)
        let statement = try #require(try await PersonalStatement.query(on: app.db).first())
        #expect(try await browser.post(SiteRoute.statementVersions(statement.typedID).path, form: Self.version(text: Self.second)).status == .seeOther)
        return try statement.requireID()
    }

    @Test func versionsAreNeverOverwrittenAndCompareWordByWord() async throws {
        try await withRoundsApp { app in
            let (applicant, _) = try await Factories.signedIn(app, email: "amara@example.org", roles: [.applicant])
            let id = try await Self.statement(app, applicant)
            let versions = try await StatementVersion.query(on: app.db).sort(\.$number).all()
            #expect(versions.map(\.number) == [1, 2] && versions.map(\.text) == [Self.first, Self.second])

            let page = try await applicant.get("/statements/\(id)")
            #expect(page.status == .ok && page.text.contains("version 2 of 2"))
            #expect(page.text.contains("28,000 characters") && page.text.contains("students-residents.aamc.org/applying-residencies-eras/publication-chapters/personal-statement"))
            #expect(page.text.contains("data-words") && page.text.contains("data-limits=\"ERAS:28000,AMCAS:5300\""))
            #expect(try await applicant.get("/statements/\(id)?version=1").text.contains("version 1 of 2"))
            #expect(try await applicant.get("/statements/\(id)?version=9").status == .notFound)

            let diff = try await applicant.get("/statements/\(id)/diff?from=1&to=2")
            #expect(diff.status == .ok && diff.text.contains("<ins>clinic in Ohio. </ins>") && diff.text.contains("<del>clinic. </del>"))
            #expect(diff.text.contains("3 words added, 1 removed"))

            // Over AMCAS's limit a draft is kept, and the page says by how much.
            let long = String(repeating: "word ", count: 1_100)
            #expect(try await applicant.post("/statements/\(id)/versions", form: Self.version(service: "amcas", text: long)).status == .seeOther)
            #expect(try await applicant.get("/statements/\(id)").text.contains("(200 over): AMCAS will not take it"))

            // Someone else's statement does not exist for them.
            let (other, _) = try await Factories.signedIn(app, email: "other@example.org", roles: [.applicant])
            #expect(try await other.get("/statements/\(id)").status == .notFound)
            #expect(try await other.get("/statements/\(id)/diff?from=1&to=2").status == .notFound)
            #expect(try await other.post("/statements/\(id)/versions", form: Self.version(text: "Mine now")).status == .notFound)
            #expect(try await StatementVersion.query(on: app.db).count() == 3)
        }
    }

    @Test func theIdentifierGuardRefusesAVersionAndKeepsWhatWasTyped() async throws {
        try await withRoundsApp { app in
            let (applicant, _) = try await Factories.signedIn(app, email: "amara@example.org", roles: [.applicant])
            let text = "On 03/14/2025 I met Mr. Alvarez, MRN 4471823, whose courage stayed with me."
            let refused = try await applicant.post(SiteRoute.statements.path, form: Self.version(text: text))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("seems to contain patient identifiers") && refused.text.contains("4471823"))
            #expect(refused.text.contains("whose courage stayed with me.</textarea>"))
            let empty = try await applicant.post(SiteRoute.statements.path, form: Self.version(title: "", specialty: "astrology", service: "x", text: " "))
            #expect(empty.status == .unprocessableEntity && empty.text.contains("Choose the specialty") && empty.text.contains("Choose ERAS or AMCAS"))
            #expect(try await PersonalStatement.query(on: app.db).count() == 0)
            #expect(try await StatementVersion.query(on: app.db).count() == 0)
        }
    }

    @Test func anAdvisorCommentsAndSuggestsAndTheApplicantAcceptsIntoANewVersion() async throws {
        try await withRoundsApp { app in
            let (applicant, _) = try await Factories.signedIn(app, email: "amara@example.org", roles: [.applicant])
            let (advisor, _) = try await Factories.signedIn(app, email: "dana@example.org", roles: [.advisor])
            let (otherAdvisor, _) = try await Factories.signedIn(app, email: "lee@example.org", roles: [.advisor])
            let statementID = try await Self.statement(app, applicant)
            let v2 = try #require(try await StatementVersion.query(on: app.db).filter(\.$number == 2).first())

            let unknown = try await applicant.post(SiteRoute.reviews.path, form: [("subject", "statement"), ("version", v2.id!.uuidString), ("advisor_email", "nobody@example.org")])
            #expect(unknown.status == .unprocessableEntity && unknown.text.contains("No advisor in Rounds has that e-mail address"))
            let asked = try await applicant.post(
                SiteRoute.reviews.path, form: [("subject", "statement"), ("version", v2.id!.uuidString), ("advisor_email", "dana@example.org"), ("message", "Is the opening strong?")])
            #expect(asked.status == .seeOther)
            let review = try #require(try await Review.query(on: app.db).first())
            #expect(review.status == .requested && review.text == Self.second)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "dana@example.org").count() == 1)

            // Only the two parties see it; only the advisor comments, once the review is started.
            let path = "/reviews/\(review.id!)"
            #expect(try await otherAdvisor.get(path).status == .notFound)
            #expect(try await otherAdvisor.post(path + "/actions/start", form: []).status == .notFound)
            #expect(try await applicant.post(path + "/comments", form: [("quote", "patience")]).status == .forbidden)
            #expect(try await advisor.post(path + "/comments", form: [("quote", "patience"), ("body", "b")]).status == .conflict)
            #expect(try await applicant.post(path + "/actions/start", form: []).status == .forbidden)
            #expect(try await advisor.post(path + "/actions/start", form: []).status == .seeOther)
            #expect(try await advisor.post(path + "/actions/start", form: []).status == .conflict)

            let ambiguous = try await advisor.post(path + "/comments", form: [("quote", "rural"), ("body", "Which?")])
            #expect(ambiguous.status == .unprocessableEntity && ambiguous.text.contains("appears 2 times"))
            #expect(try await advisor.post(path + "/comments", form: [("quote", "taught me patience"), ("body", "Show it."), ("suggests", "yes"), ("replacement", "taught me to listen")]).status == .seeOther)
            #expect(try await advisor.post(path + "/comments", form: [("quote", "I first saw"), ("body", "Strong opening.")]).status == .seeOther)
            let shown = try await advisor.get(path)
            #expect(shown.text.contains("<mark title=\"Comment 2\">taught me patience"))
            #expect(try await advisor.post(path + "/actions/return", form: [("summary", "Good bones.")]).status == .seeOther)
            #expect(try await advisor.post(path + "/comments", form: [("quote", "clinic"), ("body", "Late")]).status == .conflict)

            // The applicant accepts the suggestion: version 3 is version 2 with the replacement made.
            let suggestion = try #require(try await ReviewComment.query(on: app.db).filter(\.$replacement != nil).first())
            #expect(try await otherAdvisor.post(path + "/decisions", form: [("decision-\(suggestion.id!)", "accepted")]).status == .forbidden)
            let decided = try await applicant.post(path + "/decisions", form: [("decision-\(suggestion.id!)", "accepted")])
            #expect(decided.status == .seeOther && decided.location == "/statements/\(statementID)")
            let latest = try #require(try await StatementVersion.query(on: app.db).sort(\.$number, .descending).first())
            #expect(latest.number == 3 && latest.text == Self.second.replacingOccurrences(of: "taught me patience", with: "taught me to listen"))
            #expect(latest.note.contains("Accepted 1 suggestion from Test User's review"))
            #expect(try await ReviewComment.find(suggestion.id, on: app.db)?.decision == .accepted)
            #expect(try await applicant.post(path + "/decisions", form: [("decision-\(suggestion.id!)", "rejected")]).status == .unprocessableEntity)

            // In version 3 the unchanged passage keeps its comment; the replaced one is outdated.
            let statementPage = try await applicant.get("/statements/\(statementID)")
            #expect(statementPage.text.contains("<mark title=\"Comment 1\">I first saw"))
            #expect(statementPage.text.contains("Outdated comments"))
            let v2Page = try await applicant.get("/statements/\(statementID)?version=2")
            #expect(!v2Page.text.contains("Outdated comments"))

            #expect(try await applicant.post(path + "/actions/close", form: []).status == .seeOther)
            #expect(try await Review.find(review.id, on: app.db)?.status == .closed)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "amara@example.org").count() == 2)
        }
    }

    @Test func anExportIsSentAsTextAndOnlyWhenThereIsOne() async throws {
        try await withRoundsApp { app in
            let (applicant, _) = try await Factories.signedIn(app, email: "amara@example.org", roles: [.applicant])
            _ = try await Factories.signedIn(app, email: "dana@example.org", roles: [.advisor])
            let refused = try await applicant.post(SiteRoute.reviews.path, form: [("subject", "eras-export"), ("advisor_email", "dana@example.org")])
            #expect(refused.status == .unprocessableEntity && refused.text.contains("No experience in your portfolio is marked for the ERAS Experiences export"))
            let program = try await applicant.post(SiteRoute.reviews.path, form: [("subject", "program-list"), ("advisor_email", "dana@example.org")])
            #expect(program.status == .unprocessableEntity && program.text.contains("program list is empty"))
            #expect(try await Review.query(on: app.db).count() == 0)
        }
    }

    static func slotForm(date: String = "2026-10-05", time: String = "10:00", minutes: String = "30") -> [(String, String)] {
        [("kind", "mock-interview"), ("date", date), ("time", time), ("time_zone", "America/New_York"), ("minutes", minutes), ("location", "https://meet.example.org/room-1")]
    }

    @Test func theLastSlotIsBookedOnceUnderARace() async throws {
        try await withRoundsApp { app in
            let (advisor, _) = try await Factories.signedIn(app, email: "dana@example.org", roles: [.advisor])
            #expect(try await advisor.post(SiteRoute.advisorSlots.path, form: Self.slotForm()).status == .seeOther)
            let overlap = try await advisor.post(SiteRoute.advisorSlots.path, form: Self.slotForm(time: "10:15"))
            #expect(overlap.status == .unprocessableEntity && overlap.text.contains("It overlaps your slot"))
            let slot = try #require(try await AdvisorSlot.query(on: app.db).first())

            var browsers: [Browser] = []
            for index in 0..<12 {
                browsers.append(try await Factories.signedIn(app, email: "applicant\(index)@example.org", roles: [.applicant]).0)
            }
            #expect(try await browsers[0].get(SiteRoute.advisingSessions.path).text.contains("Video call (link after booking)"))
            let statuses = try await withThrowingTaskGroup(of: (HTTPStatus, String).self) { group in
                for browser in browsers {
                    let racer = UncheckedBrowser(browser: browser)
                    group.addTask {
                        let response = try await racer.browser.post("/advising/slots/\(slot.id!)/book", form: [])
                        return (response.status, response.text)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0.0 == .seeOther }.count == 1)
            #expect(statuses.filter { $0.0 == .conflict }.count == 11)
            #expect(statuses.filter { $0.0 == .conflict }.allSatisfy { $0.1.contains("This slot is no longer free") })
            let booked = try #require(try await AdvisorSlot.find(slot.id, on: app.db))
            #expect(booked.$bookedBy.id != nil)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "dana@example.org").count() == 1)

            // The booker sees the video link; the advisor sees who booked.
            let booker = try #require(try await User.find(booked.$bookedBy.id, on: app.db))
            let bookerBrowser = browsers[Int(booker.email.dropFirst("applicant".count).prefix(while: \.isNumber))!]
            #expect(try await bookerBrowser.get(SiteRoute.advisingSessions.path).text.contains("https://meet.example.org/room-1"))
            #expect(try await advisor.get(SiteRoute.advisorSlots.path).text.contains(booker.email))

            // More than a day ahead the booker may cancel; the slot opens again.
            #expect(try await bookerBrowser.post("/advising/slots/\(slot.id!)/cancel-booking", form: []).status == .seeOther)
            #expect(try await AdvisorSlot.find(slot.id, on: app.db)?.$bookedBy.id == nil)
            #expect(try await browsers[0].post("/advising/slots/\(slot.id!)/book", form: []).status == .seeOther)
            // Less than a day ahead only the advisor can cancel, and tells the booker why.
            (app.services.clock as? ManualClock)?.advance(by: slot.startsAt.timeIntervalSince(app.services.clock.now()) - 3_600 * 2)
            // Two weeks on, the sessions have lapsed: sign in again.
            let lateBooker = try await Factories.browser(app, signedInAs: "applicant0@example.org")
            let lateAdvisor = try await Factories.browser(app, signedInAs: "dana@example.org")
            let late = try await lateBooker.post("/advising/slots/\(slot.id!)/cancel-booking", form: [])
            #expect(late.status == .conflict && late.text.contains("up to 24 hours before"))
            #expect(try await lateAdvisor.post("/advisor/slots/\(slot.id!)/cancel", form: []).status == .unprocessableEntity)
            // The limit counts the reason as sent (the API schema's maxLength): one letter padded past 500
            // characters with whitespace is refused, not trimmed into range (schemathesis found it).
            let padded = "Ò" + String(repeating: "\u{0B}", count: 600)
            #expect(try await lateAdvisor.post("/advisor/slots/\(slot.id!)/cancel", form: [("reason", padded)]).status == .unprocessableEntity)
            #expect(try await AdvisorSlot.find(slot.id, on: app.db)?.cancelledAt == nil)
            #expect(try await lateAdvisor.post("/advisor/slots/\(slot.id!)/cancel", form: [("reason", "I am on call.")]).status == .seeOther)
            let notice = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "applicant0@example.org").sort(\.$createdAt, .descending).first())
            #expect(notice.body.contains("I am on call."))
            let lateOther = try await Factories.browser(app, signedInAs: "applicant1@example.org")
            #expect(try await lateOther.post("/advising/slots/\(slot.id!)/book", form: []).status == .conflict)
        }
    }

    @Test func anApplicantHoldsAtMostThreeUpcomingBookings() async throws {
        try await withRoundsApp { app in
            let (advisor, _) = try await Factories.signedIn(app, email: "dana@example.org", roles: [.advisor])
            for day in 5...8 {
                #expect(try await advisor.post(SiteRoute.advisorSlots.path, form: Self.slotForm(date: "2026-10-0\(day)")).status == .seeOther)
            }
            let (applicant, _) = try await Factories.signedIn(app, email: "amara@example.org", roles: [.applicant])
            let slots = try await AdvisorSlot.query(on: app.db).sort(\.$startsAt).all()
            for slot in slots.prefix(3) {
                #expect(try await applicant.post("/advising/slots/\(slot.id!)/book", form: []).status == .seeOther)
            }
            let fourth = try await applicant.post("/advising/slots/\(slots[3].id!)/book", form: [])
            #expect(fourth.status == .conflict && fourth.text.contains("You hold 3 upcoming bookings already"))
            #expect(try await AdvisorSlot.find(slots[3].id, on: app.db)?.$bookedBy.id == nil)
        }
    }

    @Test func aBookingAppearsInTheApplicantsAndTheAdvisorsCalendarFeeds() async throws {
        try await withRoundsApp { app in
            let (advisor, _) = try await Factories.signedIn(app, email: "dana@example.org", roles: [.advisor])
            #expect(try await advisor.post(SiteRoute.advisorSlots.path, form: Self.slotForm()).status == .seeOther)
            let slot = try #require(try await AdvisorSlot.query(on: app.db).first())
            let (applicant, _) = try await Factories.signedIn(app, email: "amara@example.org", roles: [.applicant])
            #expect(try await applicant.post("/advising/slots/\(slot.id!)/book", form: []).status == .seeOther)

            let made = try await advisor.post(SiteRoute.advisorCalendar.path, form: [("action", "create")])
            let advisorFeed = try #require(Self.feedPath(in: made.text, route: SiteRoute.advisorCalendarFeed.path))
            let advisorICS = try await Browser(app).get(advisorFeed)
            #expect(advisorICS.status == .ok && advisorICS.headers.contentType?.subType == "calendar")
            #expect(advisorICS.text.contains("SUMMARY:Mock interview (booked by Test User <amara@example.org>)"))
            // 10:00 in New York, 30 minutes.
            #expect(advisorICS.text.contains("DTSTART;TZID=America/New_York:20261005T100000") && advisorICS.text.contains("DTEND;TZID=America/New_York:20261005T103000"))
            #expect(advisorICS.text.contains("UID:advising-\(slot.id!.uuidString)@rounds"))

            let planned = try await applicant.post(SiteRoute.residencyCalendar.path, form: [("action", "create")])
            let applicantFeed = try #require(Self.feedPath(in: planned.text, route: SiteRoute.residencyCalendarFeed.path))
            let applicantICS = try await Browser(app).get(applicantFeed)
            #expect(applicantICS.text.contains("SUMMARY:Mock interview (with Test User)") && applicantICS.text.contains("UID:advising-\(slot.id!.uuidString)@rounds"))

            // A new address retires the old one; turning the feed off retires both.
            _ = try await advisor.post(SiteRoute.advisorCalendar.path, form: [("action", "create")])
            #expect(try await Browser(app).get(advisorFeed).status == .notFound)
            _ = try await advisor.post(SiteRoute.advisorCalendar.path, form: [("action", "revoke")])
            #expect(try await AdvisorCalendar.query(on: app.db).count() == 0)
        }
    }

    /// The feed's path and query from the address a page shows once.
    static func feedPath(in page: String, route: String) -> String? {
        guard let start = page.range(of: route + "?token=") else { return nil }
        let tail = page[start.lowerBound...]
        return String(tail.prefix { $0 != "<" && $0 != "\"" })
    }
}

/// One browser per racing task, never shared, so handing it over is safe.
private struct UncheckedBrowser: @unchecked Sendable {
    let browser: Browser
}
