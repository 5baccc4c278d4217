import Foundation
import Plot
import RoundsCore
import Tagged

/// Program reviewers' pages and the admins' program list and letter read log.
enum ProgramPages {
    static func reviewerIndex(_ programs: [Program], context: PageContext) -> PageLayout {
        PageLayout(
            title: "Program letters",
            context: context,
            content: .div(
                .h1("Programs you review"),
                programs.isEmpty
                    ? .p("You review no program yet; an admin adds reviewers.")
                    : .ul(.forEach(programs) { program in
                        .li(.safeLink(SiteRoute.reviewerProgram(ProgramID(program.id!)).path, .safeText("\(program.name) (\(program.city), \(program.state))")))
                    })
            )
        )
    }

    static func reviewerProgram(_ program: Program, letters: [ProgramLetters.AssignedLetter], context: PageContext) -> PageLayout {
        let rows: [[BodyNode]] = letters.map { entry in
            [
                .safeText(entry.applicant.displayName),
                .safeText("\(entry.letter.writerName), \(entry.letter.writerTitle), \(entry.letter.writerInstitution)"),
                .safeText(entry.letter.waived ? "Waived" : "Not waived"),
                .safeText(DisplayFormat.dateTime(entry.assignedAt)),
                .safeLink(SiteRoute.reviewerLetterFile(program: ProgramID(program.id!), letter: LetterID(entry.letter.id!)).path, .text("Read (PDF)")),
            ]
        }
        return PageLayout(
            title: program.name,
            context: context,
            content: .div(
                .p(.a(.href(SiteRoute.reviewerPrograms.path), .text("← Programs"))),
                .h1(.safeText(program.name)),
                .p("Every letter you open is logged with your name and the time."),
                letters.isEmpty
                    ? .p("No letters yet: an applicant's letters appear here once they apply to this program.")
                    : .stackingTable(["Applicant", "Writer", "Applicant's access", "Assigned", "Letter"], rows: rows)
            )
        )
    }

    static func admin(_ programs: [(Program, [User])], form: [String: String], errors: ValidationReport, context: PageContext) -> PageLayout {
        let rows: [[BodyNode]] = programs.map { program, reviewers in
            [
                .safeText(program.name),
                .safeText(program.specialtyName),
                .safeText("\(program.city), \(program.state)"),
                .safeText(reviewers.isEmpty ? "None" : reviewers.map(\.email).joined(separator: ", ")),
                .postForm(
                        SiteRoute.adminProgramReviewers(ProgramID(program.id!)).path,
                        csrfToken: context.csrfToken,
                        .field(
                            "Advisor's e-mail", name: "email", value: form["reviewer_for"] == program.id!.uuidString ? form["email"] ?? "" : "", type: "email",
                            error: form["reviewer_for"] == program.id!.uuidString ? errors.message(for: "email") : nil,
                            isRequired: true, id: "reviewer-\(program.id!.uuidString)"
                        ),
                        .tag("button", .safeAttribute("type", "submit"), .class("button"), .text("Add reviewer"))
                    ),
            ]
        }
        let specialties = Specialties.residency.all.map { Choice(value: $0.id, label: $0.name) }
        let create: BodyNode = .postForm(
            SiteRoute.adminPrograms.path,
            csrfToken: context.csrfToken,
            .field("Name", name: "name", value: form["name"] ?? "", error: errors.message(for: "name"), isRequired: true, maxLength: 200),
            .selectField("Specialty", name: "specialty_id", choices: specialties, selected: form["specialty_id"], error: errors.message(for: "specialty_id")),
            .field("City", name: "city", value: form["city"] ?? "", error: errors.message(for: "city"), isRequired: true, maxLength: 100),
            .field("State", name: "state", value: form["state"] ?? "", error: errors.message(for: "state"), isRequired: true, maxLength: 2),
            .submit("Add program")
        )
        return PageLayout(
            title: "Programs",
            context: context,
            content: .div(
                .h1("Residency programs"),
                .p("Applicants send letters to these programs; the reviewers (advisor accounts) of a program read what is sent to it."),
                // A reviewer's e-mail is refused in its program's row.
                .errorSummary(errors, links: form["reviewer_for"].map { ["email": "#reviewer-\($0)"] } ?? [:]),
                programs.isEmpty
                    ? .p("No programs yet.")
                    : .stackingTable(["Program", "Specialty", "Place", "Reviewers", "Add a reviewer"], rows: rows),
                .h2("Add a program"),
                create
            )
        )
    }

    static func readLog(_ entries: [ProgramLetters.ReadEntry], context: PageContext) -> PageLayout {
        let rows: [[BodyNode]] = entries.map { entry in
            [
                .safeText(DisplayFormat.dateTime(entry.read.at)),
                .safeText("\(entry.reader.email) (\(entry.read.readerRole))"),
                .safeText(entry.applicant.email),
                .safeText(entry.writerName),
                .safeText(entry.program?.name ?? "—"),
            ]
        }
        return PageLayout(
            title: "Letter reads",
            context: context,
            content: .div(
                .h1("Who read which letter"),
                .p("The newest 500 reads. Letters themselves are shown to nobody here."),
                entries.isEmpty
                    ? .p("No letter has been read yet.")
                    : .stackingTable(["When", "Reader", "Applicant", "Writer", "Program"], rows: rows)
            )
        )
    }
}
