/// A profile as it arrives from a form or JSON body: choices still as strings, numbers still unchecked.
/// `parse(currentYear:)` turns it into an `ApplicantProfileInput` or says what to fix, field by field.
public struct ApplicantProfileDraft: Equatable, Sendable {
    public var track: String?
    public var medicalSchool: String?
    public var schoolCountry: String?
    public var graduationYear: String?
    public var step1: String?
    public var step2CKScore: String?
    public var ecfmgStatus: String?
    public var visaStatus: String?
    public var specialtyIDs: [String]
    public var targetMatchYear: String?
    public var step1TakenOn: String?
    public var step1Score: String?
    public var step3: String?
    public var step3Score: String?
    public var comlexLevel1: String?
    public var comlexLevel2CEScore: String?
    public var comlexLevel3: String?

    public init(
        track: String? = nil,
        medicalSchool: String? = nil,
        schoolCountry: String? = nil,
        graduationYear: String? = nil,
        step1: String? = nil,
        step2CKScore: String? = nil,
        ecfmgStatus: String? = nil,
        visaStatus: String? = nil,
        specialtyIDs: [String] = [],
        targetMatchYear: String? = nil,
        step1TakenOn: String? = nil,
        step1Score: String? = nil,
        step3: String? = nil,
        step3Score: String? = nil,
        comlexLevel1: String? = nil,
        comlexLevel2CEScore: String? = nil,
        comlexLevel3: String? = nil
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
        self.step1TakenOn = step1TakenOn
        self.step1Score = step1Score
        self.step3 = step3
        self.step3Score = step3Score
        self.comlexLevel1 = comlexLevel1
        self.comlexLevel2CEScore = comlexLevel2CEScore
        self.comlexLevel3 = comlexLevel3
    }

    /// The draft a stored profile would produce, for filling a form.
    public init(_ input: ApplicantProfileInput) {
        self.init(
            track: input.track.rawValue,
            medicalSchool: input.medicalSchool,
            schoolCountry: input.schoolCountry,
            graduationYear: input.graduationYear.map(String.init),
            step1: input.step1.rawValue,
            step2CKScore: input.step2CKScore.map(String.init),
            ecfmgStatus: input.ecfmgStatus.rawValue,
            visaStatus: input.visaStatus.rawValue,
            specialtyIDs: input.specialtyIDs,
            targetMatchYear: input.targetMatchYear.map(String.init),
            step1TakenOn: input.exams.step1TakenOn?.iso,
            step1Score: input.exams.step1Score.map(String.init),
            step3: Self.given(input.exams.step3),
            step3Score: input.exams.step3Score.map(String.init),
            comlexLevel1: Self.given(input.exams.comlexLevel1),
            comlexLevel2CEScore: input.exams.comlexLevel2CEScore.map(String.init),
            comlexLevel3: Self.given(input.exams.comlexLevel3)
        )
    }

    /// An exam outcome as a form field: nothing for "not taken", the default.
    private static func given(_ outcome: ExamOutcome) -> String? { outcome == .notTaken ? nil : outcome.rawValue }

    /// The validated profile, or every problem found.
    public func parse(currentYear: Int, today: Day? = nil) -> Result<ApplicantProfileInput, ValidationReport> {
        var errors: [FieldError] = []

        func choice<T: RawRepresentable & CaseIterable>(
            _ raw: String?,
            _ field: String,
            default fallback: T?
        ) -> T? where T.RawValue == String {
            // Absent means "use the default"; present but empty or unknown is an error.
            guard let raw else {
                if fallback == nil { errors.append(FieldError(field: field, message: "Choose one.")) }
                return fallback
            }
            let value = raw.trimmingWhitespace()
            if let parsed = T(rawValue: value) { return parsed }
            if value.isEmpty && fallback == nil {
                errors.append(FieldError(field: field, message: "Choose one."))
            } else {
                let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
                errors.append(FieldError(field: field, message: "Choose one of: \(allowed)."))
            }
            return nil
        }

        func number(_ raw: String?, _ field: String) -> Int? {
            guard let value = clean(raw) else { return nil }
            guard let parsed = Int(value) else {
                errors.append(FieldError(field: field, message: "Enter a whole number."))
                return nil
            }
            return parsed
        }

        let track: Track? = choice(self.track, "track", default: nil)
        let step1: Step1Result? = choice(self.step1, "step1", default: .notTaken)
        let ecfmg: ECFMGStatus? = choice(self.ecfmgStatus, "ecfmg_status", default: .notApplicable)
        let visa: VisaStatus? = choice(self.visaStatus, "visa_status", default: nil)
        let graduationYear = number(self.graduationYear, "graduation_year")
        let step2 = number(self.step2CKScore, "step2_ck_score")
        let matchYear = number(self.targetMatchYear, "target_match_year")
        // Exactly YYYY-MM-DD in ASCII digits (as a date input sends it), or empty.
        let step1TakenOn: Day? = self.step1TakenOn.flatMap { raw in
            guard !raw.isEmpty else { return nil }
            guard raw.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }), let day = Day(iso: raw) else {
                errors.append(FieldError(field: "step1_taken_on", message: "Enter the date as YYYY-MM-DD."))
                return nil
            }
            return day
        }
        let step1Score = number(self.step1Score, "step1_score")
        let step3: ExamOutcome? = choice(self.step3, "step3", default: .notTaken)
        let step3Score = number(self.step3Score, "step3_score")
        let comlexLevel1: ExamOutcome? = choice(self.comlexLevel1, "comlex_level1", default: .notTaken)
        let comlexLevel2CEScore = number(self.comlexLevel2CEScore, "comlex_level2ce_score")
        let comlexLevel3: ExamOutcome? = choice(self.comlexLevel3, "comlex_level3", default: .notTaken)

        guard errors.isEmpty, let track, let step1, let ecfmg, let visa, let step3, let comlexLevel1, let comlexLevel3 else {
            return .failure(ValidationReport(errors))
        }
        let input = ApplicantProfileInput(
            track: track,
            medicalSchool: clean(self.medicalSchool),
            schoolCountry: clean(self.schoolCountry),
            graduationYear: graduationYear,
            step1: step1,
            step2CKScore: step2,
            ecfmgStatus: ecfmg,
            visaStatus: visa,
            specialtyIDs: self.specialtyIDs.compactMap(clean),
            targetMatchYear: matchYear,
            exams: ExamRecord(
                step1TakenOn: step1TakenOn, step1Score: step1Score, step3: step3, step3Score: step3Score, comlexLevel1: comlexLevel1,
                comlexLevel2CEScore: comlexLevel2CEScore, comlexLevel3: comlexLevel3
            )
        )
        let report = input.validate(currentYear: currentYear, today: today)
        return report.isValid ? .success(input) : .failure(report)
    }
}

/// Trimmed text, or nil when nothing is left.
private func clean(_ raw: String?) -> String? {
    guard let trimmed = raw?.trimmingWhitespace(), !trimmed.isEmpty else { return nil }
    return trimmed
}
