import Foundation
import Plot
import RoundsCore
import Tagged

/// The applicant's pages: the apply / edit form and the list of their applications.
enum ApplicationPages {
    enum FormTarget {
        case new(OpportunitySession)
        case draft(LoadedApplication)

        var session: OpportunitySession {
            switch self {
            case .new(let session): session
            case .draft(let loaded): loaded.session
            }
        }

        var action: String {
            switch self {
            case .new(let session): SiteRoute.apply(session: SessionID(session.id!)).path
            case .draft(let loaded): SiteRoute.editApplication(ApplicationID(loaded.application.id!)).path
            }
        }
    }

    static func form(_ target: FormTarget, values: ApplicationForm, documents: [Document], errors: ValidationReport, context: PageContext)
        -> PageLayout
    {
        let session = target.session
        let opportunity = session.opportunity
        let requirements = Requirement.allCases.filter { Set<Requirement>(storedList: opportunity.requirements).contains($0) }
        let title = "Apply: \(opportunity.title)"
        let chosen = Set(values.documentIDs ?? [])
        let documentChoices = documents.map { Choice(value: $0.id!.uuidString, label: "\($0.fileName) (\($0.documentKind.displayName))") }
        let needed = requirements.compactMap(ApplicationDraft.documentKind(proving:)).map(\.displayName)
        return PageLayout(
            title: title,
            context: context,
            content: .div(
                .class("narrow"),
                .h1(.safeText(title)),
                .p(.safeText("\(opportunity.site.name) · \(Day(ordinal: session.startDay).inWords) to \(Day(ordinal: session.endDay).inWords) · apply by \(Day(ordinal: session.deadlineDay).inWords)")),
                .p(.safeText("Letter of recommendation: \(LetterPolicy(rawValue: opportunity.letterPolicy)?.displayName ?? opportunity.letterPolicy).")),
                // A visa refusal is fixed in the profile, where the visa status is kept.
                .errorSummary(errors, links: ["visa": SiteRoute.profile.path + "#field-visa_status"]),
                .postForm(
                    target.action,
                    csrfToken: context.csrfToken,
                    .textArea(
                        "Statement", name: "statement", value: values.statement ?? "", error: errors.message(for: "statement"),
                        hint: "Why this placement, and what you bring: \(ApplicationDraft.minimumStatementLength) to \(ApplicationDraft.maximumStatementLength) characters.",
                        maxLength: ApplicationDraft.maximumStatementLength
                    ),
                    documentChoices.isEmpty
                        ? .p(.text("You have no documents yet. "), .safeLink(SiteRoute.documents.path, .text("Upload your CV and records")), .text(" first."))
                        : .checkboxGroup(
                            needed.isEmpty ? "Documents" : "Documents (this host needs: \(needed.joined(separator: ", ")))",
                            name: "document_ids", choices: documentChoices, checked: chosen, error: errors.message(for: "document_ids")
                        ),
                    requirements.isEmpty
                        ? .empty
                        : .checkboxGroup(
                            "I confirm that I meet these requirements", name: "requirements",
                            choices: requirements.map { Choice(value: $0.rawValue, label: $0.displayName) },
                            checked: Set(values.requirements ?? []), error: errors.message(for: "requirements")
                        ),
                    .div(
                        .class("actions"),
                        .tag("button", .safeAttribute("type", "submit"), .safeAttribute("name", "intent"), .safeAttribute("value", "submit"), .class("button primary"), .text("Submit application")),
                        .tag("button", .safeAttribute("type", "submit"), .safeAttribute("name", "intent"), .safeAttribute("value", "save"), .class("button"), .text("Save as draft"))
                    )
                )
            )
        )
    }

    static func mine(_ list: [LoadedApplication], context: PageContext) -> PageLayout {
        let rows: [[BodyNode]] = list.map { loaded in
            [
                .safeLink(SiteRoute.application(ApplicationID(loaded.application.id!)).path, .safeText(loaded.opportunity.title)),
                .safeText(loaded.site.name),
                .safeText("\(Day(ordinal: loaded.session.startDay).inWords) to \(Day(ordinal: loaded.session.endDay).inWords)"),
                .badge(loaded.status),
            ]
        }
        return PageLayout(
            title: "Your applications",
            context: context,
            content: .div(
                .h1("Your applications"),
                rows.isEmpty
                    ? .p(.text("No applications yet. "), .safeLink(SiteRoute.opportunities.path, .text("Find an opportunity")), .text(" and apply to one of its sessions."))
                    : .stackingTable(["Opportunity", "Site", "Dates", "Status"], rows: rows)
            )
        )
    }
}
