import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

@Suite struct ProfileTests {
    static let validForm: [(String, String)] = [
        ("track", "img_graduate"), ("medical_school", "University of Lagos"), ("school_country", "Nigeria"),
        ("graduation_year", "2022"), ("step1", "passed"), ("step2_ck_score", "251"), ("ecfmg_status", "certified"),
        ("visa_status", "b1_b2"), ("specialties[]", "internal-medicine"), ("specialties[]", "internal-medicine-pediatrics"),
        ("target_match_year", "2027"),
    ]

    @Test func anApplicantSavesTheirProfileAndSeesItAgain() async throws {
        try await withRoundsApp { app in
            let browser = Browser(app)
            try await browser.signUp()
            let saved = try await browser.post(SiteRoute.profile.path, form: Self.validForm)
            #expect(saved.status == .seeOther)
            let page = try await browser.get(SiteRoute.profile.path)
            #expect(page.text.contains("Profile saved."))
            #expect(page.text.contains(#"value="University of Lagos""#))
            #expect(page.text.contains(#"value="251""#))
            #expect(page.text.contains(#"value="internal-medicine-pediatrics" checked="checked""#))
            let user = try #require(try await User.find(email: "amara@example.org", on: app.db))
            let stored = try #require(try await ProfileStore.load(for: user, on: app.db))
            #expect(stored.specialtyIDs == ["internal-medicine", "internal-medicine-pediatrics"])
            #expect(stored.step2CKScore == 251)
        }
    }

    @Test func badProfileInputIsRefusedFieldByFieldAndNothingIsSaved() async throws {
        try await withRoundsApp { app in
            let browser = Browser(app)
            try await browser.signUp()
            let response = try await browser.post(
                SiteRoute.profile.path,
                form: [
                    ("track", "pre_med"), ("graduation_year", "twenty"), ("step2_ck_score", "400"),
                    ("visa_status", "tourist"), ("specialties[]", "astrology"),
                ]
            )
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("Graduation year: Enter a whole number."))
            #expect(response.text.contains("Visa status: Choose one of"))
            #expect(try await ApplicantProfile.query(on: app.db).count() == 0)
        }
    }

    @Test func crossFieldRulesAreChecked() async throws {
        try await withRoundsApp { app in
            let browser = Browser(app)
            try await browser.signUp()
            let response = try await browser.post(
                SiteRoute.profile.path,
                form: [("track", "pre_med"), ("step1", "passed"), ("step2_ck_score", "400"), ("visa_status", "us_citizen")]
            )
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("Pre-medical students have not taken USMLE Step 1."))
            #expect(try await ApplicantProfile.query(on: app.db).count() == 0)
        }
    }

    /// A Step 1 score only with a date up to 25 January 2022 (USMLE's pass/fail change); Step 3 and
    /// COMLEX-USA are stored and shown again.
    @Test func examsFollowTheScoreReportingRules() async throws {
        try await withRoundsApp { app in
            let browser = Browser(app)
            try await browser.signUp()
            let exams = [("step3", "passed"), ("step3_score", "228"), ("comlex_level2ce_score", "587"), ("step1_score", "236")]
            let late = try await browser.post(SiteRoute.profile.path, form: Self.validForm + exams + [("step1_taken_on", "2022-03-01")])
            #expect(late.status == .unprocessableEntity)
            #expect(late.text.contains("reported pass/fail only"))
            #expect(try await ApplicantProfile.query(on: app.db).count() == 0)
            let saved = try await browser.post(SiteRoute.profile.path, form: Self.validForm + exams + [("step1_taken_on", "2021-11-30")])
            #expect(saved.status == .seeOther)
            let page = try await browser.get(SiteRoute.profile.path)
            #expect(page.text.contains(#"value="2021-11-30""#))
            #expect(page.text.contains(#"value="228""#))
            let user = try #require(try await User.find(email: "amara@example.org", on: app.db))
            let stored = try #require(try await ProfileStore.load(for: user, on: app.db))
            #expect(stored.exams == ExamRecord(step1TakenOn: Day(iso: "2021-11-30"), step1Score: 236, step3: .passed, step3Score: 228, comlexLevel2CEScore: 587))
        }
    }

    @Test func hostsHaveNoApplicantProfile() async throws {
        try await withRoundsApp { app in
            let (host, _) = try await Factories.signedIn(app, email: "host@example.org", roles: [.host])
            #expect(try await host.get(SiteRoute.profile.path).status == .forbidden)
            #expect(try await host.post(SiteRoute.profile.path, form: Self.validForm).status == .forbidden)
            #expect(try await ApplicantProfile.query(on: app.db).count() == 0)
        }
    }
}
