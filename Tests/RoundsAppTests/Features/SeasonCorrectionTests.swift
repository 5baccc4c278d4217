import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Administrators correct a milestone with its source; applicants' plans follow, and the change log
/// keeps who, when, the old value and the new (issue 19).
@Suite struct SeasonCorrectionTests {
    static let correction: [(String, String)] = [
        ("match_year", "2027"), ("milestone", "rank_order_list_deadline"), ("date", "2027-03-03"), ("time", "21:00"),
        ("source", "https://www.nrmp.org/match-calendars/"), ("confidence", "primary"), ("note", "From the 2027 Match calendar."),
    ]

    @Test func aCorrectionReachesThePlanAndTheLog() async throws {
        try await withRoundsApp { app in
            let (admin, _) = try await Factories.signedIn(app, email: "admin@example.org", roles: [.admin])
            let saved = try await admin.post(SiteRoute.adminSeason.path, form: Self.correction)
            #expect(saved.status == .seeOther)
            let page = try await admin.get(SiteRoute.adminSeason.path)
            #expect(page.text.contains("2027 Rank order list certification deadline corrected; was not published."))
            #expect(page.text.contains(#"<td data-label="Was">not published</td><td data-label="Now">2027-03-03 21:00, primary, https://www.nrmp.org/match-calendars/</td>"#))

            let applicant = Browser(app)
            try await applicant.signUp()
            _ = try await applicant.post(
                SiteRoute.profile.path,
                form: [("track", "img_graduate"), ("medical_school", "Lagos"), ("school_country", "Nigeria"), ("graduation_year", "2022"), ("visa_status", "needs_visa")])
            let plan = try await applicant.get(SiteRoute.residency.path(query: [("year", "2027")]))
            #expect(plan.text.contains("Rank order list certification deadline</strong>: Wed 3 Mar 2027, 9 p.m. ET."))
            #expect(plan.text.contains("From the 2027 Match calendar."))
            #expect(!plan.text.contains("Date not published yet (Rank order list certification deadline)"))
        }
    }

    @Test func aCorrectionOutOfOrderOrWithoutASourceIsRefusedAndNotSaved() async throws {
        try await withRoundsApp { app in
            let (admin, _) = try await Factories.signedIn(app, email: "admin@example.org", roles: [.admin])
            var late = Self.correction
            late[2] = ("date", "2027-04-30")
            let refused = try await admin.post(SiteRoute.adminSeason.path, form: late)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("would come before"))
            var unsourced = Self.correction
            unsourced[4] = ("source", "")
            #expect(try await admin.post(SiteRoute.adminSeason.path, form: unsourced).status == .unprocessableEntity)
            var script = Self.correction
            script[4] = ("source", "javascript:alert(1)")
            #expect(try await admin.post(SiteRoute.adminSeason.path, form: script).status == .unprocessableEntity)
            #expect(try await admin.post(SiteRoute.adminSeason.path, form: [("match_year", "next")]).status == .unprocessableEntity)
            #expect(try await SeasonCorrection.query(on: app.db).count() == 0)
        }
    }

    @Test func administratorsCorrectOverTheAPIAndReadTheLog() async throws {
        try await withRoundsApp { app in
            let (_, admin) = try await Factories.signedIn(app, email: "admin@example.org", roles: [.admin])
            let body: [String: any Sendable] = [
                "match_year": 2027, "milestone": "rank_order_list_deadline", "date": "2027-03-03", "time": "21:00",
                "source": "https://www.nrmp.org/match-calendars/", "confidence": "primary",
            ]
            let created = try await admin.send(.POST, APIRoute.seasonCorrections.path, json: body)
            #expect(created.status == .created)
            #expect(try created.content.get(String.self, at: "previous") == "not published")
            #expect(try created.content.get(String.self, at: "changed_by") == "Test User")
            let late = body.merging(["date": "2027-05-01"]) { _, new in new }
            #expect(try await admin.send(.POST, APIRoute.seasonCorrections.path, json: late).status == .unprocessableEntity)
            let log = try await admin.send(.GET, APIRoute.seasonCorrections.path)
            #expect(try log.content.decode([SeasonCorrectionResponse].self).map(\.date) == ["2027-03-03"])
        }
    }
}
