import Foundation
import Plot
import RoundsCore

/// An experience's form (new and edit) and its page: hours, logs, verification, procedures, exports.
enum ExperiencePages {
    /// The form's values, from a stored experience or from what was just sent.
    static func values(_ loaded: LoadedExperience?) -> ExperienceDraft {
        var draft = ExperienceDraft()
        guard let loaded else {
            draft.ranges = [.init(start: "", end: "", priorHours: "", anticipatedHours: "")]
            return draft
        }
        let e = loaded.experience
        draft.title = e.title
        draft.organization = e.organization
        draft.city = e.city
        draft.state = e.state
        draft.country = e.country
        draft.amcasType = e.amcasType
        draft.erasType = e.erasType
        draft.setting = e.setting ?? ""
        draft.erasSetting = e.erasSetting ?? ""
        draft.focusArea = e.focusArea ?? ""
        draft.frequency = e.frequency ?? ""
        draft.keyCharacteristic = e.keyCharacteristic ?? ""
        draft.specialtyID = e.specialtyID ?? ""
        draft.handsOn = e.handsOn
        draft.supervisorName = e.supervisorName
        draft.supervisorTitle = e.supervisorTitle
        draft.supervisorEmail = e.supervisorEmail
        draft.description = e.description
        draft.amcasMostMeaningful = e.amcasMostMeaningful
        draft.amcasReflection = e.amcasReflection
        draft.erasMostMeaningful = e.erasMostMeaningful
        draft.erasReflection = e.erasReflection
        draft.ranges = loaded.periods.map {
            .init(
                start: Day(ordinal: $0.startDay).iso, end: $0.endDay.map { Day(ordinal: $0).iso } ?? "",
                priorHours: $0.priorHours == 0 ? "" : String($0.priorHours), anticipatedHours: $0.anticipatedHours == 0 ? "" : String($0.anticipatedHours)
            )
        }
        return draft
    }

    static func checkbox(_ label: String, name: String, checked: Bool) -> BodyNode {
        .tag(
            "label", .class("checkbox"),
            .voidTag("input", [("type", "checkbox"), ("name", name), ("value", "true")] + (checked ? [("checked", "checked")] : [])),
            .safeText(label)
        )
    }

    static func rangeFields(_ draft: ExperienceDraft) -> BodyNode {
        var ranges = draft.ranges
        while ranges.count < ApplicationFormats.AMCAS.maximumDateRanges { ranges.append(.init(start: "", end: "", priorHours: "", anticipatedHours: "")) }
        let rows: [BodyNode] = ranges.prefix(ApplicationFormats.AMCAS.maximumDateRanges).enumerated().map { index, range in
            .tag(
                "fieldset", .class("range"),
                .tag("legend", .safeText("Period \(index + 1)" + (index == 0 ? "" : " (optional)"))),
                .field("Start", name: "ranges[\(index)][start]", value: range.start, type: "date", id: "range-\(index)-start"),
                .field("End (empty if ongoing)", name: "ranges[\(index)][end]", value: range.end, type: "date", id: "range-\(index)-end"),
                .field("Completed hours (before logging here)", name: "ranges[\(index)][prior_hours]", value: range.priorHours, type: "number", id: "range-\(index)-prior"),
                .field("Anticipated hours", name: "ranges[\(index)][anticipated_hours]", value: range.anticipatedHours, type: "number", id: "range-\(index)-anticipated")
            )
        }
        // One anchor for the periods, which the error summary links a period's error to.
        return .div(.id("field-ranges"), .group(rows))
    }

    static func form(action: String, draft: ExperienceDraft, errors: ValidationReport, isVerified: Bool, csrfToken: String) -> BodyNode {
        let amcasTypes = AMCASExperienceType.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) }
        let erasTypes = ERASExperienceType.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) }
        let settings = ClinicalSetting.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue.capitalized) }
        let erasSettings = ERASSetting.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) }
        let focus = ERASFocusArea.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) }
        let frequencies = ERASFrequency.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) }
        let characteristics = ERASKeyCharacteristic.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) }
        let specialties = Specialties.rotation.all.map { Choice(value: $0.id, label: $0.name) }
        let what: BodyNode = .group(
            .field("Position or title", name: "title", value: draft.title, error: errors.message(for: "title"), isRequired: true, maxLength: ExperienceDraft.maximumTextLength),
            .field("Organization", name: "organization", value: draft.organization, error: errors.message(for: "organization"), isRequired: true, maxLength: ExperienceDraft.maximumTextLength),
            .field("City", name: "city", value: draft.city, error: errors.message(for: "city")),
            .field("State", name: "state", value: draft.state, error: errors.message(for: "state")),
            .field("Country", name: "country", value: draft.country, error: errors.message(for: "country"), isRequired: true),
            .selectField("AMCAS experience type", name: "amcas_type", choices: amcasTypes, selected: draft.amcasType, error: errors.message(for: "amcas_type")),
            .selectField("ERAS experience type", name: "eras_type", choices: erasTypes, selected: draft.erasType, error: errors.message(for: "eras_type"), includeBlank: "As suggested by the AMCAS type"),
            .selectField("Clinical setting", name: "setting", choices: settings, selected: draft.setting, error: errors.message(for: "setting"), includeBlank: "Not clinical"),
            .selectField("ERAS setting", name: "eras_setting", choices: erasSettings, selected: draft.erasSetting, error: errors.message(for: "eras_setting"), includeBlank: "Not given"),
            .selectField("ERAS primary focus area", name: "focus_area", choices: focus, selected: draft.focusArea, error: errors.message(for: "focus_area"), includeBlank: "Not given"),
            .selectField(
                "ERAS frequency of participation", name: "frequency", choices: frequencies, selected: draft.frequency, error: errors.message(for: "frequency"),
                includeBlank: "Not given (the ERAS export asks for it)"
            ),
            .selectField(
                "ERAS key characteristic", name: "key_characteristic", choices: characteristics, selected: draft.keyCharacteristic,
                error: errors.message(for: "key_characteristic"), includeBlank: "Not given (optional in ERAS)"
            ),
            .p(
                .class("hint"),
                .text("Frequency: "), .safeLink(ERASFrequency.source, .text("AAMC, MyERAS experiences")),
                .text(". Key characteristics: the field is the AAMC's ("),
                .safeLink(ERASKeyCharacteristic.source.field, .text("AAMC")),
                .text("); its options were read from a guide quoting the form ("),
                .safeLink(ERASKeyCharacteristic.source.options, .text("secondary source")),
                .text(", checked \(ERASKeyCharacteristic.source.checked)).")
            ),
            .selectField("Specialty", name: "specialty_id", choices: specialties, selected: draft.specialtyID, error: errors.message(for: "specialty_id"), includeBlank: "None"),
            self.checkbox("Hands-on (not only observing)", name: "hands_on", checked: draft.handsOn)
        )
        let supervisor: BodyNode = .group(
            .h3("Supervisor"),
            .field("Supervisor's name", name: "supervisor_name", value: draft.supervisorName, error: errors.message(for: "supervisor_name")),
            .field("Supervisor's title", name: "supervisor_title", value: draft.supervisorTitle, error: errors.message(for: "supervisor_title")),
            .field("Supervisor's e-mail", name: "supervisor_email", value: draft.supervisorEmail, type: "email", error: errors.message(for: "supervisor_email"))
        )
        let writing: BodyNode = .group(
            .h3("In your words"),
            .p(.class("hint"), .text("Never name patients or give dates, ages over 89, numbers or places that could identify them: Rounds refuses such text.")),
            .textArea(
                "Description", name: "description", value: draft.description, error: errors.message(for: "description"),
                maxLength: ExperienceDraft.maximumDescription, rows: 6,
                limits: "AMCAS:\(ApplicationFormats.AMCAS.maximumDescription),ERAS:\(ApplicationFormats.ERAS.maximumDescription)"
            ),
            self.checkbox("Most meaningful for AMCAS", name: "amcas_most_meaningful", checked: draft.amcasMostMeaningful),
            .textArea(
                "AMCAS most meaningful essay", name: "amcas_reflection", value: draft.amcasReflection, error: errors.message(for: "amcas_reflection"),
                maxLength: ApplicationFormats.AMCAS.maximumMostMeaningfulExtra, rows: 6, limits: "AMCAS:\(ApplicationFormats.AMCAS.maximumMostMeaningfulExtra)"
            ),
            self.checkbox("Most meaningful for ERAS", name: "eras_most_meaningful", checked: draft.erasMostMeaningful),
            .textArea(
                "ERAS reflection", name: "eras_reflection", value: draft.erasReflection, error: errors.message(for: "eras_reflection"),
                maxLength: ApplicationFormats.ERAS.maximumReflection, rows: 3, limits: "ERAS:\(ApplicationFormats.ERAS.maximumReflection)"
            )
        )
        return .postForm(
            action, csrfToken: csrfToken,
            .errorSummary(errors),
            what,
            .h3("Periods"),
            .fieldError(errors.message(for: "ranges"), id: "field-ranges"),
            self.rangeFields(draft),
            supervisor,
            writing,
            isVerified
                ? self.checkbox("This experience is verified; drop the verification if I change its title, organization, supervisor or periods", name: "reopen", checked: false)
                : .empty,
            .submit("Save the experience")
        )
    }

    static func new(draft: ExperienceDraft, errors: ValidationReport, context: PageContext) -> PageLayout {
        PageLayout(
            title: "New experience",
            context: context,
            content: .div(
                .p(.a(.href(SiteRoute.portfolio.path), .text("← Portfolio"))),
                .h1("Add an experience"),
                self.form(action: SiteRoute.experiences.path, draft: draft, errors: errors, isVerified: false, csrfToken: context.csrfToken)
            )
        )
    }
}
