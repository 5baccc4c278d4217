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
                .errorSummary(self.errors, describe: { "\(Self.label(for: $0.field)): \($0.message)" }),
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
        let outcomes = ExamOutcome.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) }
        return .tag(
            "fieldset",
            .tag("legend", .text("Exams and certification")),
            .selectField(
                "USMLE Step 1", name: "step1",
                choices: Step1Result.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) },
                selected: self.draft.step1 ?? Step1Result.notTaken.rawValue, error: self.errors.message(for: "step1")
            ),
            .field(
                "Date you took Step 1", name: "step1_taken_on", value: self.draft.step1TakenOn ?? "", type: "date",
                error: self.errors.message(for: "step1_taken_on"), hint: "Needed only with a Step 1 score."
            ),
            .field(
                "USMLE Step 1 score", name: "step1_score", value: self.draft.step1Score ?? "", type: "number",
                error: self.errors.message(for: "step1_score"),
                hint: "Only exams taken on or before 25 January 2022 have a score; later ones are pass/fail only (USMLE, \(ExamRecord.step1Source))."
            ),
            .field(
                "USMLE Step 2 CK score", name: "step2_ck_score", value: self.draft.step2CKScore ?? "", type: "number",
                error: self.errors.message(for: "step2_ck_score"), hint: "Leave empty if you have not taken it."
            ),
            .selectField("USMLE Step 3", name: "step3", choices: outcomes, selected: self.draft.step3 ?? ExamOutcome.notTaken.rawValue, error: self.errors.message(for: "step3")),
            .field("USMLE Step 3 score", name: "step3_score", value: self.draft.step3Score ?? "", type: "number", error: self.errors.message(for: "step3_score")),
            .selectField(
                "COMLEX-USA Level 1 (osteopathic)", name: "comlex_level1", choices: outcomes, selected: self.draft.comlexLevel1 ?? ExamOutcome.notTaken.rawValue,
                error: self.errors.message(for: "comlex_level1")
            ),
            .field(
                "COMLEX-USA Level 2-CE score", name: "comlex_level2ce_score", value: self.draft.comlexLevel2CEScore ?? "", type: "number",
                error: self.errors.message(for: "comlex_level2ce_score"),
                hint: "Level 1 taken on or after 10 May 2022 is pass/fail only (NBOME, \(ExamRecord.comlexSource))."
            ),
            .selectField(
                "COMLEX-USA Level 3", name: "comlex_level3", choices: outcomes, selected: self.draft.comlexLevel3 ?? ExamOutcome.notTaken.rawValue,
                error: self.errors.message(for: "comlex_level3")
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
                "Residency specialties of interest (up to \(ApplicantProfileInput.maximumSpecialties))", name: "specialties",
                choices: Specialties.residency.all.map { Choice(value: $0.id, label: $0.name) },
                checked: Set(self.draft.specialtyIDs), error: self.errors.message(for: "specialties")
            ),
            Self.residencyListSource
        )
    }

    /// Where the residency list comes from, beside it (issue 16: the source next to the value).
    static var residencyListSource: BodyNode {
        let rule = DomainRules.shipped[.residencySpecialties]
        return .p(
            .class("hint"),
            .text("Residencies under the names ERAS and the NRMP use; fellowships such as Cardiology are reached through their residency. Source: "),
            .safeText((rule.citation ?? rule.name) + ", "),
            .safeLink(rule.source ?? "", .text("nrmp.org")),
            .text(" (\(rule.confidence.label), checked \(rule.checked)).")
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
        case "step1_taken_on": "Date you took Step 1"
        case "step1_score": "Step 1 score"
        case "step3": "USMLE Step 3"
        case "step3_score": "Step 3 score"
        case "comlex_level1": "COMLEX-USA Level 1"
        case "comlex_level2ce_score": "COMLEX-USA Level 2-CE score"
        case "comlex_level3": "COMLEX-USA Level 3"
        case "ecfmg_status": "ECFMG certification"
        case "visa_status": "Visa status"
        case "specialties": "Specialties"
        case "target_match_year": "Target Match year"
        default: field
        }
    }
}
