import Foundation
import Plot
import RoundsCore

/// `/account/data`: take your data with you, or delete your account — with what deleting does, counted
/// from your own records, before anything is confirmed.
struct AccountDataPage {
    var deletion: AccountDeletions.Consequences
    var hasTwoFactor: Bool
    var context: PageContext
    var exportError: String?
    var deletionErrors = ValidationReport()

    func layout() -> PageLayout {
        PageLayout(
            title: "Your data",
            context: self.context,
            content: .div(
                .h1("Your data"),
                .p(.a(.href(SiteRoute.account.path), .text("Back to your account"))),
                self.exportSection(),
                self.deletionSection()
            )
        )
    }

    private func exportSection() -> BodyNode {
        .section(
            .h2("Download your data"),
            .p(.text(
                "One ZIP file with everything Rounds holds about you: your account, profile, applications, documents, letters, "
                    + "portfolio, residency plans, statements, reviews and notifications, as JSON in the same shape as the API, "
                    + "and the files you and your writers uploaded. Letters whose access you waived are listed without their file.")),
            .postForm(
                SiteRoute.accountExport.path, csrfToken: self.context.csrfToken,
                .field(
                    "Your password", name: "current_password", type: "password", error: self.exportError,
                    hint: "An export is everything about you, so Rounds asks for your password first.",
                    autocomplete: "current-password", isRequired: true, id: "export-current-password"),
                .submit("Download my data")
            )
        )
    }

    private func deletionSection() -> BodyNode {
        let d = self.deletion
        let graceDays = Int((d.grace / 86_400).rounded())
        let grace = d.grace >= 86_400 ? "\(graceDays) day\(graceDays == 1 ? "" : "s")" : "\(Int(d.grace / 3600)) hours"
        var effects: [String] = []
        if d.liveApplications > 0 {
            effects.append(
                "Your \(d.liveApplications) open application\(d.liveApplications == 1 ? " is" : "s are") withdrawn and the hosts told"
                    + (d.acceptedPlaces > 0 ? "; the \(d.acceptedPlaces) place\(d.acceptedPlaces == 1 ? "" : "s") you accepted go\(d.acceptedPlaces == 1 ? "es" : "") back to the session and to its waitlist." : "."))
        }
        if d.letters > 0 {
            effects.append(
                "Your \(d.letters) letter request\(d.letters == 1 ? " and its letter are" : "s and their letters are") deleted; writers' links stop working"
                    + (d.assignedLetters > 0 ? ", and the programs you assigned \(d.assignedLetters == 1 ? "a letter" : "\(d.assignedLetters) letters") to can no longer read \(d.assignedLetters == 1 ? "it" : "them")." : "."))
        }
        if d.experiences > 0 {
            effects.append(
                "Your portfolio's \(d.experiences) experience\(d.experiences == 1 ? "" : "s") and hours are deleted"
                    + (d.verifiedExperiences > 0 ? ", with the \(d.verifiedExperiences) supervisor verification\(d.verifiedExperiences == 1 ? "" : "s"): a new account cannot reuse them." : "."))
        }
        if d.documents > 0 { effects.append("Your \(d.documents) document\(d.documents == 1 ? " is" : "s are") deleted, from hosts' view too.") }
        if d.statements > 0 { effects.append("Your \(d.statements) personal statement\(d.statements == 1 ? "" : "s"), every version and the reviews of them are deleted.") }
        if d.upcomingBookings > 0 { effects.append("Your \(d.upcomingBookings) booked advising session\(d.upcomingBookings == 1 ? " is" : "s are") released for others.") }
        if d.reviewsAsAdvisor > 0 { effects.append("The \(d.reviewsAsAdvisor) review\(d.reviewsAsAdvisor == 1 ? "" : "s") you were asked for, with your comments, are deleted for the applicants too.") }
        effects.append("Your account, profile, residency plans, rank list and notifications are deleted. Backups keep a copy until they are rotated out.")

        return .section(
            .h2("Delete your account"),
            .p(.text(
                d.grace > 0
                    ? "Deleting happens \(grace) after you ask. Until then your account is signed out everywhere, and signing in again cancels the deletion. Rounds e-mails you at both steps. This grace period is Rounds' own rule. Download your data first if you want a copy."
                    : "This server deletes accounts within minutes of the request, with no grace period (its operator's choice). Rounds e-mails you at both steps. Download your data first if you want a copy.")),
            .h3("What deleting does"),
            .ul(.forEach(effects) { .li(.safeText($0)) }),
            d.blockers.isEmpty
                ? .div(
                    .errorSummary(self.deletionErrors, links: ["code": "#delete-code"]),
                    .postForm(
                        SiteRoute.accountDeletion.path, csrfToken: self.context.csrfToken,
                        .field(
                            "Your password", name: "current_password", type: "password", error: self.deletionErrors.message(for: "current_password"),
                            autocomplete: "current-password", isRequired: true, id: "delete-current-password"),
                        self.hasTwoFactor
                            ? .field(
                                "Code from your authenticator app (or a recovery code)", name: "code", error: self.deletionErrors.message(for: "code"),
                                autocomplete: "one-time-code", isRequired: true, maxLength: 20, id: "delete-code")
                            : .empty,
                        .tag(
                            "label", .class("checkbox"),
                            .voidTag("input", [("type", "checkbox"), ("id", "field-understood"), ("name", "understood"), ("value", "yes"), ("required", "required")]),
                            .text("I have read what deleting my account does.")
                        ),
                        .fieldError(self.deletionErrors.message(for: "understood"), id: "field-understood"),
                        .submit(d.grace > 0 ? "Delete my account in \(grace)" : "Delete my account")
                    )
                )
                : .div(
                    .class("notice"),
                    .p(.strong("Your account cannot be deleted yet:")),
                    .ul(.forEach(d.blockers) { .li(.safeText($0)) })
                )
        )
    }
}
