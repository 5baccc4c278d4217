import Foundation
import Plot
import RoundsCore
import Tagged

/// The writer's page behind their link: who asks, the waiver, and the upload and decline forms. The token
/// rides in hidden fields, so it never appears in a form's action URL.
enum LetterLinkPages {
    static func page(_ letter: LetterRequest, token: String, errors: ValidationReport, context: PageContext) -> PageLayout {
        let applicant = letter.applicant.displayName
        let waiver =
            letter.waived
            ? "\(applicant) waived the right to see this letter. Only the residency programs it is sent to can read it."
            : "\(applicant) did not waive the right to see this letter and may read it."
        let tokenField: BodyNode = .voidTag("input", [("type", "hidden"), ("name", "token"), ("value", token)])
        let uploaded: BodyNode =
            letter.fileName.map { name in
                .p(.class("notice"), .safeText("You uploaded \(name) on \(DisplayFormat.dateTime(letter.uploadedAt ?? letter.updatedAt)). Thank you."))
            } ?? .empty
        let canUpload = letter.appliedCount == 0
        let upload: BodyNode =
            canUpload
            ? .postForm(
                SiteRoute.letterLinkUpload.path,
                csrfToken: context.csrfToken,
                enctype: "multipart/form-data",
                tokenField,
                .div(
                    .class(errors.message(for: "file") == nil ? "field" : "field has-error"),
                    .tag("label", .safeAttribute("for", "field-file"), .text(letter.hasFile ? "Replace the letter" : "The letter")),
                    .tag("p", .class("hint"), .text("A PDF of at most \(LetterFile.maximumSize), without a password.")),
                    .voidTag("input", [("type", "file"), ("id", "field-file"), ("name", "file"), ("accept", ".pdf,application/pdf"), ("required", "required")]),
                    .fieldError(errors.message(for: "file"), id: "field-file")
                ),
                .submit(letter.hasFile ? "Replace the letter" : "Upload the letter")
            )
            : .p("The applicant has applied to a program with this letter, so it can no longer be replaced (as in ERAS).")
        let decline: BodyNode =
            letter.hasFile
            ? .empty
            : .div(
                .h2("Or decline"),
                .postForm(
                    SiteRoute.letterLinkDecline.path,
                    csrfToken: context.csrfToken,
                    tokenField,
                    .textArea("A note for \(applicant) (optional)", name: "note", value: "", error: errors.message(for: "note"), maxLength: LetterLink.maximumDeclineNoteLength, rows: 3),
                    .tag("button", .safeAttribute("type", "submit"), .class("button"), .text("Decline the request"))
                )
            )
        return PageLayout(
            title: "Letter for \(applicant)",
            context: context,
            content: .div(
                .h1(.safeText("Letter of recommendation for \(applicant)")),
                .p(.safeText("Dear \(letter.writerName), \(applicant) asked you for a letter through Rounds.")),
                letter.message.isEmpty ? .empty : .tag("blockquote", .safeText(letter.message)),
                .p(.strong(.safeText(waiver))),
                .p(.safeText("This link is yours alone and works until \(DisplayFormat.date(letter.linkExpiresAt)).")),
                uploaded,
                .errorSummary(errors),
                upload,
                decline
            )
        )
    }

    /// After declining, or when the link is known but over.
    static func closed(_ message: String, context: PageContext) -> PageLayout {
        PageLayout(title: "Letter request", context: context, content: .div(.h1("Letter request"), .p(.safeText(message))))
    }
}
