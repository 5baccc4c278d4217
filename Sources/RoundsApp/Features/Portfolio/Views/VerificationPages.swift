import Foundation
import Plot
import RoundsCore
import Tagged

/// The supervisor's page behind a verification link, and the host's evaluation form.
enum VerificationPages {
    static func page(_ loaded: LoadedExperience, applicant: User, token: String, errors: ValidationReport, context: PageContext) -> PageLayout {
        let e = loaded.experience
        let periods = loaded.periods.map { period in
            "\(Day(ordinal: period.startDay).inWords) – \(period.endDay.map { Day(ordinal: $0).inWords } ?? "ongoing"): \(loaded.completedHours(period)) hours"
        }
        let outcomes = [
            Choice(value: "confirmed", label: "I confirm the experience and its \(counted(loaded.completedHours, "hour"))"),
            Choice(value: "corrected", label: "I confirm the experience with fewer hours (enter them below)"),
            Choice(value: "declined", label: "I cannot confirm this experience"),
        ]
        let radios: [BodyNode] = outcomes.map { choice in
            .tag(
                "label", .class("checkbox"),
                .voidTag("input", [("type", "radio"), ("name", "outcome"), ("value", choice.value), ("required", "required")]),
                .safeText(choice.label)
            )
        }
        return PageLayout(
            title: "Confirm an experience",
            context: context,
            content: .div(
                .h1(.safeText("Confirm \(applicant.displayName)'s experience")),
                PortfolioPages.facts([
                    ("Experience", e.title), ("Organization", e.organization), ("Type", e.amcas.displayName),
                    ("Hands-on", e.handsOn ? "Yes" : "No, observational"), ("Periods", periods.joined(separator: "; ")),
                    ("Completed hours", String(loaded.completedHours)), ("Description", e.description.isEmpty ? "None" : e.description),
                ]),
                .errorSummary(errors),
                .postForm(
                    SiteRoute.verifyExperience.path, csrfToken: context.csrfToken,
                    .voidTag("input", [("type", "hidden"), ("name", "token"), ("value", token)]),
                    .tag("fieldset", [.class("field"), .tag("legend", .text("Your answer"))] + radios),
                    .field("Hours you can confirm (only when correcting)", name: "hours", type: "number", error: errors.message(for: "hours")),
                    .textArea("A note (optional)", name: "note", value: "", error: errors.message(for: "note"), maxLength: VerificationAnswerDraft.maximumNote, rows: 3),
                    .field("Type your full name to sign", name: "typed_name", error: errors.message(for: "typed_name"), isRequired: true, maxLength: 120),
                    .submit("Send my answer")
                ),
                .p(.class("hint"), .text("The link works once. Your typed name and today's date are shown on the applicant's record."))
            )
        )
    }

    static func done(_ message: String, status: String, context: PageContext) -> PageLayout {
        PageLayout(title: status, context: context, content: .div(.h1(.safeText(status)), .p(.safeText(message))))
    }

    static func evaluation(_ loaded: LoadedApplication, errors: ValidationReport, context: PageContext) -> PageLayout {
        let fields: [BodyNode] = Competency.allCases.map { competency in
            .selectField(
                competency.displayName, name: competency.rawValue, choices: (1...5).map { Choice(value: String($0), label: String($0)) },
                selected: nil, error: errors.message(for: competency.rawValue)
            )
        }
        return PageLayout(
            title: "Evaluate a placement",
            context: context,
            content: .div(
                .p(.a(.href(SiteRoute.application(ApplicationID(loaded.application.id!)).path), .text("← The application"))),
                .h1(.safeText("Evaluate \(loaded.applicant.displayName)")),
                .p(.safeText("\(loaded.opportunity.title): score each ACGME core competency on \(Competency.scaleDescription).")),
                .errorSummary(errors),
                .postForm(
                    SiteRoute.evaluatePlacement(ApplicationID(loaded.application.id!)).path, csrfToken: context.csrfToken,
                    .group(fields),
                    .textArea("Comments", name: "comments", value: "", error: errors.message(for: "comments"), maxLength: 2_000, rows: 4),
                    .submit("Send the evaluation")
                )
            )
        )
    }
}
