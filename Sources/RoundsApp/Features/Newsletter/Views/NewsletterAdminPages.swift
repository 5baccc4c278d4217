import Foundation
import Plot
import RoundsCore
import SafeMarkdown

/// The administrators' newsletter pages: issues with subscriber counts (never addresses), and the
/// issue form with its preview and the send button.
enum NewsletterAdminPages {
    static func list(_ issues: [NewsletterIssue], counts: Newsletter.Counts, context: PageContext) -> PageLayout {
        PageLayout(
            title: "Newsletter",
            context: context,
            content: .div(
                .h1("Newsletter"),
                .p(.safeText("\(counted(counts.confirmed, "confirmed subscriber")), \(counts.pending) waiting to confirm, \(counts.unsubscribed) unsubscribed.")),
                .p(.a(.class("button primary"), .href(SiteRoute.adminNewsletterNew.path), .text("New issue"))),
                issues.isEmpty
                    ? .p(.text("No issues yet."))
                    : .stackingTable(
                        ["Subject", "Status", "Recipients"],
                        rows: issues.map { issue in
                            [
                                .safeLink(SiteRoute.adminNewsletterIssue(issue.route).path, .safeText(issue.subject)),
                                .safeText(issue.sentAt.map { "Sent " + DisplayFormat.dateTime($0) } ?? "Draft"),
                                .safeText(issue.status == .sent ? "\(issue.recipients)" : "–"),
                            ]
                        }
                    )
            )
        )
    }

    struct Preview {
        /// The e-mail as a subscriber receives it.
        var text: String
        var intro: SafeHTML
        var guides: [Guide]
    }

    struct FormPage {
        var issue: NewsletterIssue?
        var form: NewsletterAdminController.IssueForm
        var errors: ValidationReport
        var guides: [Guide]
        var preview: Preview?
        var confirmed: Int
        var context: PageContext
    }

    static func form(_ p: FormPage) -> PageLayout {
        let title = p.issue.map { $0.status == .sent ? $0.subject : "Draft: \($0.subject)" } ?? "New issue"
        let isSent = p.issue?.status == .sent
        return PageLayout(
            title: title,
            context: p.context,
            content: .div(
                .h1(.safeText(title)),
                .errorSummary(p.errors),
                isSent ? .p(.safeText("Sent to \(counted(p.issue?.recipients ?? 0, "subscriber")).")) : Self.editor(p),
                p.preview.map { Self.preview($0) } ?? .empty,
                p.issue.flatMap { issue in
                    isSent
                        ? nil
                        : .postButton(
                            SiteRoute.adminNewsletterSend(issue.route).path, title: "Send to \(counted(p.confirmed, "confirmed subscriber"))",
                            csrfToken: p.context.csrfToken, style: "primary")
                } ?? .empty,
                .p(.safeLink(SiteRoute.adminNewsletter.path, .text("All issues")))
            )
        )
    }

    private static func editor(_ p: FormPage) -> BodyNode {
        let action = p.issue.map { SiteRoute.adminNewsletterIssue($0.route).path } ?? SiteRoute.adminNewsletter.path
        return .postForm(
            action, csrfToken: p.context.csrfToken,
            .field("Subject", name: "subject", value: p.form.subject ?? "", error: p.errors.message(for: "subject"), isRequired: true, maxLength: Newsletter.subjectLimit),
            .textArea(
                "Introduction (Markdown)", name: "intro", value: p.form.intro ?? "", error: p.errors.message(for: "intro"),
                hint: "A few sentences above the guides. The e-mail is plain text, so write Markdown that reads well as it is.", maxLength: Newsletter.introLimit, rows: 6),
            .checkboxGroup(
                "Guides (1 to \(Newsletter.maximumGuides), published)", name: "guides",
                choices: p.guides.compactMap { guide in guide.id.map { Choice(value: $0.uuidString, label: guide.title) } }, checked: Set(p.form.guides ?? []),
                error: p.errors.message(for: "guides")),
            .submit(p.issue == nil ? "Save draft" : "Save changes")
        )
    }

    private static func preview(_ preview: Preview) -> BodyNode {
        .tag(
            "section", .class("guide-preview"),
            .h2("Preview"),
            .h3("The e-mail, as each subscriber gets it"),
            .pre(.class("mail-text"), .safeText(preview.text)),
            .h3("The archive page"),
            .div(.class("guide-body"), .sanitized(preview.intro)),
            .ul(.forEach(preview.guides) { guide in .li(.safeText(guide.title)) })
        )
    }
}
