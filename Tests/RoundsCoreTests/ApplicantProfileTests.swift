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
        ("specialties", ApplicantProfileDraft(track: "pre_med", visaStatus: "us_citizen", specialtyIDs: ["astrology"]), "Unknown specialty “astrology”."),
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
        draft.specialtyIDs = Array(Specialty.all.prefix(6).map(\.id))
        guard case .failure(let report) = draft.parse(currentYear: Self.year) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(report.message(for: "specialties") == "Choose at most 5 specialties.")
    }

    @Test func theSpecialtyListHasUniqueIDsAndEnoughEntriesForTheCatalog() {
        #expect(Set(Specialty.all.map(\.id)).count == Specialty.all.count)
        #expect(Specialty.all.count >= 40)
    }
}
