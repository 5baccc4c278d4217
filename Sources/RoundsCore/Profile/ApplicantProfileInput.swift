/// What an applicant says about themselves; checked by `validate(currentYear:)` before it is saved.
public struct ApplicantProfileInput: Equatable, Sendable {
    public static let maximumSpecialties = 5
    public static let maximumSchoolLength = 200
    public static let maximumCountryLength = 100
    /// USMLE three-digit scores run from 1 to 300.
    public static let step2ScoreRange = 1...300

    public var track: Track
    public var medicalSchool: String?
    public var schoolCountry: String?
    public var graduationYear: Int?
    public var step1: Step1Result
    public var step2CKScore: Int?
    public var ecfmgStatus: ECFMGStatus
    public var visaStatus: VisaStatus
    public var specialtyIDs: [String]
    public var targetMatchYear: Int?
    /// Step 1's date and score, Step 3 and COMLEX-USA.
    public var exams: ExamRecord

    public init(
        track: Track,
        medicalSchool: String? = nil,
        schoolCountry: String? = nil,
        graduationYear: Int? = nil,
        step1: Step1Result = .notTaken,
        step2CKScore: Int? = nil,
        ecfmgStatus: ECFMGStatus = .notApplicable,
        visaStatus: VisaStatus,
        specialtyIDs: [String] = [],
        targetMatchYear: Int? = nil,
        exams: ExamRecord = ExamRecord()
    ) {
        self.track = track
        self.medicalSchool = medicalSchool
        self.schoolCountry = schoolCountry
        self.graduationYear = graduationYear
        self.step1 = step1
        self.step2CKScore = step2CKScore
        self.ecfmgStatus = ecfmgStatus
        self.visaStatus = visaStatus
        self.specialtyIDs = specialtyIDs
        self.targetMatchYear = targetMatchYear
        self.exams = exams
    }

    /// Every problem with the input, each naming its field; empty when the profile can be saved.
    /// - Parameter today: for dates that cannot be in the future (the day Step 1 was taken); nil skips that check.
    public func validate(currentYear: Int, today: Day? = nil) -> ValidationReport {
        var errors: [FieldError] = []
        func fail(_ field: String, _ message: String) { errors.append(FieldError(field: field, message: message)) }

        if let school = self.medicalSchool, school.textLength > Self.maximumSchoolLength {
            fail("medical_school", "Use at most \(Self.maximumSchoolLength) characters.")
        }
        if let country = self.schoolCountry, country.textLength > Self.maximumCountryLength {
            fail("school_country", "Use at most \(Self.maximumCountryLength) characters.")
        }
        if self.track.isIMG {
            if (self.medicalSchool ?? "").isEmpty { fail("medical_school", "Name your medical school.") }
            if (self.schoolCountry ?? "").isEmpty { fail("school_country", "Name the country of your medical school.") }
        }
        if let year = self.graduationYear {
            if !(1950...(currentYear + 10)).contains(year) {
                fail("graduation_year", "Enter a year between 1950 and \(currentYear + 10).")
            } else if self.track == .imgGraduate && year > currentYear {
                fail("graduation_year", "A graduate's graduation year cannot be after \(currentYear).")
            }
        } else if self.track == .imgGraduate {
            fail("graduation_year", "Enter the year you graduated.")
        }
        if self.track == .preMed {
            if self.step1 != .notTaken { fail("step1", "Pre-medical students have not taken USMLE Step 1.") }
            if self.step2CKScore != nil { fail("step2_ck_score", "Pre-medical students have no Step 2 CK score.") }
        }
        if let score = self.step2CKScore, !Self.step2ScoreRange.contains(score) {
            fail("step2_ck_score", "Enter a score between 1 and 300, or leave it empty.")
        }
        if self.ecfmgStatus == .certified && self.track != .imgGraduate {
            fail("ecfmg_status", "Only international medical graduates can be ECFMG certified.")
        }
        if self.specialtyIDs.count > Self.maximumSpecialties {
            fail("specialties", "Choose at most \(Self.maximumSpecialties) specialties.")
        }
        if let unknown = self.specialtyIDs.first(where: { Specialties.residency.find($0) == nil }) {
            fail("specialties", "“\(unknown)” is not a residency specialty; choose from the list (fellowships such as Cardiology are reached through their residency, e.g. Internal Medicine).")
        }
        if Set(self.specialtyIDs).count != self.specialtyIDs.count {
            fail("specialties", "Each specialty may be chosen once.")
        }
        if let year = self.targetMatchYear, !(currentYear...(currentYear + 10)).contains(year) {
            fail("target_match_year", "Enter a Match year between \(currentYear) and \(currentYear + 10).")
        }
        errors += self.exams.problems(step1: self.step1, track: self.track, today: today ?? Day(iso: "\(currentYear + 1)-12-31")!)
        return ValidationReport(errors)
    }
}
