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
        targetMatchYear: String? = nil
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
            targetMatchYear: input.targetMatchYear.map(String.init)
        )
    }

    /// The validated profile, or every problem found.
    public func parse(currentYear: Int) -> Result<ApplicantProfileInput, ValidationReport> {
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

        guard errors.isEmpty, let track, let step1, let ecfmg, let visa else {
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
            targetMatchYear: matchYear
        )
        let report = input.validate(currentYear: currentYear)
        return report.isValid ? .success(input) : .failure(report)
    }
}

/// Trimmed text, or nil when nothing is left.
private func clean(_ raw: String?) -> String? {
    guard let trimmed = raw?.trimmingWhitespace(), !trimmed.isEmpty else { return nil }
    return trimmed
}
