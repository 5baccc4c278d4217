import Testing

@testable import RoundsCore

@Suite struct ApplicantProfileTests {
    static let year = 2026

    static let graduate = ApplicantProfileDraft(
        track: "img_graduate", medicalSchool: "University of Lagos", schoolCountry: "Nigeria",
        graduationYear: "2021", step1: "passed", step2CKScore: "245", ecfmgStatus: "certified",
        visaStatus: "b1_b2", specialtyIDs: ["internal-medicine"], targetMatchYear: "2027"
    )

    @Test func aCompleteGraduateProfileParses() throws {
        let input = try Self.graduate.parse(currentYear: Self.year).get()
        #expect(input.track == .imgGraduate)
        #expect(input.step2CKScore == 245)
        #expect(input.ecfmgStatus == .certified)
        #expect(ApplicantProfileDraft(input) == Self.graduate)
    }

    /// USMLE reports Step 1 exams taken on or after 26 January 2022 as pass/fail only, so a score needs an
    /// earlier date; Step 3 and COMLEX-USA are kept for those who took them.
    @Test func step1ScoresOnlyForExamsUpToTheLastScoredDay() throws {
        var draft = Self.graduate
        draft.step1TakenOn = "2022-01-25"
        draft.step1Score = "231"
        draft.step3 = "passed"
        draft.step3Score = "224"
        draft.comlexLevel2CEScore = "612"
        let input = try draft.parse(currentYear: Self.year, today: Day(iso: "2026-12-02")).get()
        #expect(input.exams.step1Score == 231)
        #expect(input.exams.step3 == .passed)
        #expect(input.exams.comlexLevel2CEScore == 612)
        #expect(ApplicantProfileDraft(input) == draft)

        func errors(_ change: (inout ApplicantProfileDraft) -> Void) -> [String: String] {
            var changed = draft
            change(&changed)
            guard case .failure(let report) = changed.parse(currentYear: Self.year, today: Day(iso: "2026-12-02")) else { return [:] }
            return Dictionary(report.errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        }
        #expect(errors { $0.step1TakenOn = "2022-01-26" }["step1_score"]?.contains("pass/fail only") == true)
        #expect(errors { $0.step1TakenOn = nil }["step1_taken_on"]?.contains("25 January 2022") == true)
        #expect(errors { $0.step1TakenOn = "2027-01-01"; $0.step1Score = nil }["step1_taken_on"] == "The date you took Step 1 cannot be in the future.")
        #expect(errors { $0.step1TakenOn = " 2021-05-01" }["step1_taken_on"] == "Enter the date as YYYY-MM-DD.")
        #expect(errors { $0.step1TakenOn = "0021-05-01"; $0.step1Score = nil }["step1_taken_on"]?.hasPrefix("Check the year of the date you took Step 1") == true)
        #expect(errors { $0.step1 = "not_taken" }["step1_score"] != nil)
        #expect(errors { $0.step3 = nil }["step3_score"] != nil)
        #expect(errors { $0.step3Score = "301" }["step3_score"] != nil)
        #expect(errors { $0.comlexLevel2CEScore = "1000" }["comlex_level2ce_score"] != nil)
        #expect(errors { $0.comlexLevel3 = "sat" }["comlex_level3"] != nil)
        // Without a score, any Step 1 date up to today is fine: pass/fail exams have dates too.
        #expect(errors { $0.step1TakenOn = "2024-06-01"; $0.step1Score = nil }.isEmpty)
        let preMed = ApplicantProfileDraft(track: "pre_med", visaStatus: "us_citizen", comlexLevel1: "passed")
        guard case .failure(let report) = preMed.parse(currentYear: Self.year) else {
            Issue.record("a pre-med with COMLEX was accepted")
            return
        }
        #expect(report.message(for: "comlex_level1") == "Pre-medical students have not taken USMLE or COMLEX-USA exams.")
    }

    @Test func defaultsApplyToOptionalChoices() throws {
        let input = try ApplicantProfileDraft(track: "pre_med", visaStatus: "us_citizen").parse(currentYear: Self.year).get()
        #expect(input.step1 == .notTaken)
        #expect(input.ecfmgStatus == .notApplicable)
        #expect(input.specialtyIDs.isEmpty)
    }

    /// Each row changes one thing in a valid graduate profile and names the field that must complain.
    @Test(arguments: [
        ("track", ApplicantProfileDraft(track: nil, visaStatus: "b1_b2"), "Choose one."),
        ("track", ApplicantProfileDraft(track: "doctor", visaStatus: "b1_b2"), "Choose one of: pre_med, img_student, img_graduate, us_student."),
        ("visa_status", ApplicantProfileDraft(track: "pre_med"), "Choose one."),
        ("visa_status", ApplicantProfileDraft(track: "pre_med", visaStatus: " "), "Choose one."),
        ("ecfmg_status", ApplicantProfileDraft(track: "pre_med", ecfmgStatus: "", visaStatus: "f1"), "Choose one of: not_applicable, not_started, in_progress, certified."),
        ("graduation_year", ApplicantProfileDraft(track: "pre_med", graduationYear: "soon", visaStatus: "us_citizen"), "Enter a whole number."),
        ("graduation_year", ApplicantProfileDraft(track: "pre_med", graduationYear: "1900", visaStatus: "us_citizen"), "Enter a year between 1950 and 2036."),
        ("step2_ck_score", ApplicantProfileDraft(track: "us_student", step2CKScore: "301", visaStatus: "us_citizen"), "Enter a score between 1 and 300, or leave it empty."),
        ("step1", ApplicantProfileDraft(track: "pre_med", step1: "passed", visaStatus: "us_citizen"), "Pre-medical students have not taken USMLE Step 1."),
        ("ecfmg_status", ApplicantProfileDraft(track: "img_student", medicalSchool: "X", schoolCountry: "Y", ecfmgStatus: "certified", visaStatus: "j1"), "Only international medical graduates can be ECFMG certified."),
        ("medical_school", ApplicantProfileDraft(track: "img_student", schoolCountry: "Y", visaStatus: "j1"), "Name your medical school."),
        ("specialties", ApplicantProfileDraft(track: "pre_med", visaStatus: "us_citizen", specialtyIDs: ["astrology"]), "“astrology” is not a residency specialty; choose from the list (fellowships such as Cardiology are reached through their residency, e.g. Internal Medicine)."),
        ("specialties", ApplicantProfileDraft(track: "pre_med", visaStatus: "us_citizen", specialtyIDs: ["neurology", "neurology"]), "Each specialty may be chosen once."),
        ("target_match_year", ApplicantProfileDraft(track: "pre_med", visaStatus: "us_citizen", targetMatchYear: "2020"), "Enter a Match year between 2026 and 2036."),
    ])
    func invalidDraftsNameTheField(field: String, draft: ApplicantProfileDraft, message: String) {
        guard case .failure(let report) = draft.parse(currentYear: Self.year) else {
            Issue.record("expected \(field) to be refused")
            return
        }
        #expect(report.errors.contains(FieldError(field: field, message: message)), "\(report.errors)")
    }

    @Test func aGraduateCannotGraduateInTheFuture() {
        var draft = Self.graduate
        draft.graduationYear = "2027"
        guard case .failure(let report) = draft.parse(currentYear: Self.year) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(report.message(for: "graduation_year") == "A graduate's graduation year cannot be after 2026.")
    }

    @Test func moreThanFiveSpecialtiesAreRefused() {
        var draft = Self.graduate
        draft.specialtyIDs = Array(Specialties.rotation.all.prefix(6).map(\.id))
        guard case .failure(let report) = draft.parse(currentYear: Self.year) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(report.message(for: "specialties") == "Choose at most 5 specialties.")
    }

    @Test func theSpecialtyListHasUniqueIDsAndEnoughEntriesForTheCatalog() {
        #expect(Set(Specialties.rotation.all.map(\.id)).count == Specialties.rotation.all.count)
        #expect(Specialties.rotation.all.count >= 40)
    }
}
