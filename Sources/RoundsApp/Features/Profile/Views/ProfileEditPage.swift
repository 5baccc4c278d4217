import Plot
import RoundsCore

/// The applicant profile form, prefilled from the stored profile or the rejected submission.
struct ProfileEditPage {
    var draft: ApplicantProfileDraft
    var errors: ValidationReport
    var isNew: Bool
    var context: PageContext

    func layout() -> PageLayout {
        PageLayout(
            title: "Your applicant profile",
            context: self.context,
            content: .div(
                .h1("Your applicant profile"),
                self.isNew
                    ? .p("Tell us where you stand, so Rounds can show which opportunities and programs fit you.")
                    : .empty,
                .errorSummary(self.errors.errors.map { "\(Self.label(for: $0.field)): \($0.message)" }),
                .postForm(
                    SiteRoute.profile.path,
                    csrfToken: self.context.csrfToken,
                    self.background(),
                    self.exams(),
                    self.plans(),
                    .submit("Save profile")
                )
            )
        )
    }

    private func background() -> BodyNode {
        .tag(
            "fieldset",
            .tag("legend", .text("Background")),
            .selectField(
                "Track", name: "track", choices: Track.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) },
                selected: self.draft.track, error: self.errors.message(for: "track"), includeBlank: "Choose…"
            ),
            .field(
                "Medical school (or college)", name: "medical_school", value: self.draft.medicalSchool ?? "",
                error: self.errors.message(for: "medical_school"), maxLength: ApplicantProfileInput.maximumSchoolLength
            ),
            .field(
                "Country of the school", name: "school_country", value: self.draft.schoolCountry ?? "",
                error: self.errors.message(for: "school_country"), autocomplete: "country-name",
                maxLength: ApplicantProfileInput.maximumCountryLength
            ),
            .field(
                "Graduation year", name: "graduation_year", value: self.draft.graduationYear ?? "", type: "number",
                error: self.errors.message(for: "graduation_year"), hint: "Expected year if you have not graduated."
            ),
            .selectField(
                "Visa status", name: "visa_status",
                choices: VisaStatus.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) },
                selected: self.draft.visaStatus, error: self.errors.message(for: "visa_status"), includeBlank: "Choose…"
            )
        )
    }

    private func exams() -> BodyNode {
        .tag(
            "fieldset",
            .tag("legend", .text("Exams and certification")),
            .selectField(
                "USMLE Step 1", name: "step1",
                choices: Step1Result.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) },
                selected: self.draft.step1 ?? Step1Result.notTaken.rawValue, error: self.errors.message(for: "step1")
            ),
            .field(
                "USMLE Step 2 CK score", name: "step2_ck_score", value: self.draft.step2CKScore ?? "", type: "number",
                error: self.errors.message(for: "step2_ck_score"), hint: "Leave empty if you have not taken it."
            ),
            .selectField(
                "ECFMG certification", name: "ecfmg_status",
                choices: ECFMGStatus.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) },
                selected: self.draft.ecfmgStatus ?? ECFMGStatus.notApplicable.rawValue,
                error: self.errors.message(for: "ecfmg_status")
            )
        )
    }

    private func plans() -> BodyNode {
        .tag(
            "fieldset",
            .tag("legend", .text("Plans")),
            .field(
                "Target Match year", name: "target_match_year", value: self.draft.targetMatchYear ?? "", type: "number",
                error: self.errors.message(for: "target_match_year")
            ),
            .checkboxGroup(
                "Specialties of interest (up to \(ApplicantProfileInput.maximumSpecialties))", name: "specialties",
                choices: Specialty.all.map { Choice(value: $0.id, label: $0.name) },
                checked: Set(self.draft.specialtyIDs), error: self.errors.message(for: "specialties")
            )
        )
    }

    static func label(for field: String) -> String {
        switch field {
        case "track": "Track"
        case "medical_school": "Medical school"
        case "school_country": "Country"
        case "graduation_year": "Graduation year"
        case "step1": "USMLE Step 1"
        case "step2_ck_score": "Step 2 CK score"
        case "ecfmg_status": "ECFMG certification"
        case "visa_status": "Visa status"
        case "specialties": "Specialties"
        case "target_match_year": "Target Match year"
        default: field
        }
    }
}
