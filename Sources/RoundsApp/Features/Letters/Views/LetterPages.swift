import Foundation
import Plot
import RoundsCore
import Tagged

/// The applicant's letter pages: the list with the request form, and one request with its assignments.
enum LetterPages {
    static func facts(_ rows: [(String, String)]) -> BodyNode {
        .tag("dl", [.class("facts")] + rows.flatMap { [BodyNode.tag("dt", .safeText($0.0)), .tag("dd", .safeText($0.1))] })
    }

    static func index(
        _ letters: [LetterRequest], placements: [SessionApplication], form: [String: String], errors: ValidationReport, context: PageContext
    ) -> PageLayout {
        let rows: [[BodyNode]] = letters.map { letter in
            [
                .safeLink(SiteRoute.letter(LetterID(letter.id!)).path, .safeText(letter.writerName)),
                .safeText(letter.writerInstitution),
                .badge(letter.status),
                .safeText(letter.waived ? "Waived" : "Not waived"),
                .safeText(DisplayFormat.date(letter.createdAt)),
            ]
        }
        let placementChoices = placements.compactMap { application -> Choice? in
            guard let id = application.id else { return nil }
            return Choice(value: id.uuidString, label: application.session.opportunity.title)
        }
        let table: BodyNode =
            letters.isEmpty
            ? .p("No letter requests yet.")
            : .stackingTable(["Writer", "Institution", "Status", "Your access", "Requested"], rows: rows)
        return PageLayout(
            title: "Letters of recommendation",
            context: context,
            content: .div(
                .h1("Letters of recommendation"),
                .p(.text(Self.introduction)),
                table,
                .h2("Request a letter"),
                .errorSummary(errors),
                self.requestForm(placements: placementChoices, form: form, errors: errors, csrfToken: context.csrfToken)
            )
        )
    }

    static let introduction =
        "Ask a physician who supervised you for a letter. They get a link of their own by e-mail and upload the letter there; "
        + "you then send it to the programs you apply to, at most four per program."

    static func requestForm(placements: [Choice], form: [String: String], errors: ValidationReport, csrfToken: String) -> BodyNode {
        let name: BodyNode = .field(
            "Writer's name", name: "writer_name", value: form["writer_name"] ?? "", error: errors.message(for: "writer_name"),
            isRequired: true, maxLength: LetterRequestDraft.maximumNameLength
        )
        let email: BodyNode = .field(
            "Writer's e-mail", name: "writer_email", value: form["writer_email"] ?? "", type: "email", error: errors.message(for: "writer_email"),
            isRequired: true
        )
        let title: BodyNode = .field(
            "Writer's title", name: "writer_title", value: form["writer_title"] ?? "", error: errors.message(for: "writer_title"),
            hint: "For example: Attending physician, Internal Medicine", isRequired: true, maxLength: LetterRequestDraft.maximumTitleLength
        )
        let institution: BodyNode = .field(
            "Institution", name: "writer_institution", value: form["writer_institution"] ?? "", error: errors.message(for: "writer_institution"),
            isRequired: true, maxLength: LetterRequestDraft.maximumInstitutionLength
        )
        let placement: BodyNode =
            placements.isEmpty
            ? .empty
            : .selectField(
                "The placement it is about", name: "application_id", choices: placements, selected: form["application_id"],
                error: errors.message(for: "application_id"), includeBlank: "None"
            )
        let message: BodyNode = .textArea(
            "Message to the writer", name: "message", value: form["message"] ?? "", error: errors.message(for: "message"),
            hint: "Optional: remind them of your work together.", maxLength: LetterRequestDraft.maximumMessageLength, rows: 5
        )
        return .postForm(
            SiteRoute.letters.path, csrfToken: csrfToken, name, email, title, institution, placement, message,
            self.waiverChoice(selected: form["waiver"], error: errors.message(for: "waiver")), .submit("Send the request")
        )
    }

    /// The waiver is a required, explicit choice with the consequences spelled out; there is no default.
    static func waiverChoice(selected: String?, error: String?) -> BodyNode {
        func option(_ value: String, _ label: String) -> BodyNode {
            .tag(
                "label",
                .class("checkbox"),
                .voidTag("input", [("type", "radio"), ("name", "waiver"), ("value", value), ("required", "required")] + (selected == value ? [("checked", "checked")] : [])),
                .safeText(label)
            )
        }
        return .tag(
            "fieldset",
            .class(error == nil ? "field" : "field has-error"),
            .id("field-waiver"),
            .tag("legend", .text("Your right to see the letter")),
            .tag(
                "p", .class("hint"),
                .text("Programs give more weight to letters the applicant cannot read. Your choice is recorded with the request and cannot be changed afterwards.")
            ),
            .fieldError(error, id: "field-waiver"),
            option("waive", "I waive my right to see this letter"),
            option("keep", "I keep my right to see this letter")
        )
    }

    static func detail(
        _ letter: LetterRequest, assignments: [LetterDesk.Assigned], programs: [Program], errors: ValidationReport, context: PageContext
    ) -> PageLayout {
        let id = letter.id!
        var facts: [(String, String)] = [
            ("Status", letter.status.displayName),
            ("Writer", "\(letter.writerName), \(letter.writerTitle)"),
            ("Institution", letter.writerInstitution),
            ("E-mail", letter.writerEmail),
            ("Requested", DisplayFormat.dateTime(letter.createdAt)),
            ("Your right to see it", letter.waived ? "Waived on \(DisplayFormat.dateTime(letter.createdAt)); Rounds never shows you this letter." : "Kept"),
        ]
        if letter.status.linkWorks { facts.append(("Writer's link works until", DisplayFormat.date(letter.linkExpiresAt))) }
        if let reminded = letter.remindedAt { facts.append(("Last reminder", DisplayFormat.dateTime(reminded))) }
        if let uploaded = letter.uploadedAt { facts.append(("Uploaded", DisplayFormat.dateTime(uploaded))) }
        if letter.status == .declined { facts.append(("Writer's note", letter.declineNote.flatMap { $0.isEmpty ? nil : $0 } ?? "None")) }

        let assigned = Set(assignments.compactMap(\.program.id))
        let assignable = programs.filter { !assigned.contains($0.id!) }.map {
            Choice(value: $0.id!.uuidString, label: "\($0.name) (\($0.specialtyName), \($0.city), \($0.state))")
        }
        let assignmentRows: [[BodyNode]] = assignments.map { entry in
            let program = ProgramID(entry.program.id!)
            guard let applied = entry.appliedAt else {
                return [
                    .safeText(entry.program.name),
                    .safeText(DisplayFormat.dateTime(entry.at)),
                    .badge("Not applied", tone: .neutral),
                    .div(
                        .postButton(
                            SiteRoute.applyWithLetters(LetterID(id), program: program).path, title: "Submit my application with the letters assigned here",
                            csrfToken: context.csrfToken),
                        .postButton(SiteRoute.unassignLetter(LetterID(id), program: program).path, title: "Take back", csrfToken: context.csrfToken, style: "link")
                    ),
                ]
            }
            return [
                .safeText(entry.program.name),
                .safeText(DisplayFormat.dateTime(entry.at)),
                .badge("Applied \(DisplayFormat.date(applied))", tone: .good),
                .p(.class("hint"), .text("Locked: it stays with your application, and the writer can no longer replace it.")),
            ]
        }
        return PageLayout(
            title: "Letter from \(letter.writerName)",
            context: context,
            content: .div(
                .p(.a(.href(SiteRoute.letters.path), .text("← All letters"))),
                .h1(.safeText("Letter from \(letter.writerName)")),
                self.facts(facts),
                letter.applicantMayRead ? .p(.a(.class("button"), .href(SiteRoute.letterFile(LetterID(id)).path), .text("Read the letter (PDF)"))) : .empty,
                letter.status.canRemind
                    ? .postButton(SiteRoute.remindLetter(LetterID(id)).path, title: "E-mail the writer a reminder with a new link", csrfToken: context.csrfToken)
                    : .empty,
                [LetterStatus.requested, .viewed, .expired].contains(letter.status)
                    ? .postButton(SiteRoute.revokeLetter(LetterID(id)).path, title: "Withdraw the request", csrfToken: context.csrfToken, style: "link")
                    : .empty,
                .h2("Sent to programs"),
                assignments.isEmpty
                    ? .p("Not sent to any program yet.")
                    : .stackingTable(["Program", "Sent", "Application", "Actions"], rows: assignmentRows),
                .p(
                    .class("hint"),
                    .text(
                        "As in ERAS, the writer may replace the letter until you apply to a program with it; once you apply, the letters assigned to that program stay with the application."
                    )),
                .errorSummary(errors),
                letter.status == .uploaded && !assignable.isEmpty
                    ? .postForm(
                        SiteRoute.assignLetter(LetterID(id)).path,
                        csrfToken: context.csrfToken,
                        .selectField("Program", name: "program_id", choices: assignable, selected: nil, error: errors.message(for: "program_id")),
                        .submit("Send to this program")
                    )
                    : .empty
            )
        )
    }
}
