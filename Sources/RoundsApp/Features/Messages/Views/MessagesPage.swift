import Fluent
import Foundation
import Plot
import RoundsCore
import Tagged

/// An application's conversation: the messages, a form to write, a report button on the other side's
/// messages, and how Rounds e-mails about new ones. An administrator reading a reported thread sees the
/// reports and no form.
struct MessagesPage {
    var thread: MessageDesk.Thread
    var viewer: User
    var maximumAttachmentBytes: Int
    var typed = ""
    var errors = ValidationReport()
    var context: PageContext

    func layout() -> PageLayout {
        let loaded = self.thread.loaded
        let other = self.thread.party == .host ? loaded.applicant.displayName : loaded.host.displayName
        let title = "Messages: \(loaded.opportunity.title)"
        return PageLayout(
            title: title,
            context: self.context,
            content: .div(
                .p(.safeLink(SiteRoute.application(try? loaded.application.requireTypedID()).path, .text("← The application"))),
                .h1(.safeText(title)),
                .p(.safeText(
                    self.thread.party == nil
                        ? "Between \(loaded.applicant.displayName) and \(loaded.host.displayName). You see it because a message in it was reported."
                        : "Between you and \(other). Only the two of you read it; administrators read it only if one of you reports a message.")),
                self.thread.messages.isEmpty ? .p(.class("hint"), .text("No messages yet.")) : .tag("ol", [.class("messages")] + self.thread.messages.map(self.row)),
                self.thread.party == nil ? .empty : self.composeSection(),
                self.thread.party == nil ? .empty : self.emailSection()
            )
        )
    }

    private func row(_ message: ApplicationMessage) -> BodyNode {
        let mine = message.$author.id == self.viewer.id
        let reports = self.thread.reports.filter { $0.$message.id == message.id }
        return .tag(
            "li", .class(mine ? "message mine" : "message"),
            .p(.class("meta"), .strong(.safeText(message.authorName)), .safeText(" · \(message.party.rawValue) · \(DisplayFormat.dateTime(message.createdAt))")),
            message.removedAt == nil
                ? .div(.class("message-body"), .forEach(message.body.components(separatedBy: "\n")) { .p(.safeText($0)) })
                : .p(.class("hint"), .text("An administrator removed this message after a report.")),
            message.removedAt == nil && message.attachmentName != nil
                ? .p(
                    .class("attachment"), .text("Attached: "),
                    .safeLink(SiteRoute.messageAttachment(try? message.requireTypedID()).path, .safeText(message.attachmentName ?? "")),
                    .safeText(" (\(DocumentUpload.describe(bytes: message.attachmentByteCount ?? 0)))"))
                : .empty,
            self.thread.party == nil
                ? .tag("ul", reports.map { report in
                    .tag("li", .safeText("Reported by \(report.reporterName), \(DisplayFormat.dateTime(report.createdAt)): \(report.reason)"
                        + (report.resolution.map { " — decided: \($0.displayName.lowercased())" } ?? " — open")))
                })
                : (mine || message.removedAt != nil ? .empty : self.reportForm(message, alreadyReported: reports.contains { $0.$reporter.id == self.viewer.id }))
        )
    }

    private func reportForm(_ message: ApplicationMessage, alreadyReported: Bool) -> BodyNode {
        guard let id = message.id else { return .empty }
        if alreadyReported { return .p(.class("hint"), .text("You reported this message; the administrators have it.")) }
        let field = "report-\(id.uuidString)"
        return .tag(
            "details",
            .tag("summary", .text("Report this message")),
            .postForm(
                SiteRoute.reportMessage(MessageID(id)).path, csrfToken: self.context.csrfToken,
                .div(
                    .class("field"),
                    .tag("label", .safeAttribute("for", field), .text("What is wrong with it? The administrators read this and the conversation.")),
                    .tag("textarea", .safeAttribute("id", field), .safeAttribute("name", "reason"), .safeAttribute("maxlength", String(MessageReportDraft.limit)),
                         .safeAttribute("rows", "3"), .safeAttribute("required", "required"))
                ),
                .submit("Report")
            )
        )
    }

    private func composeSection() -> BodyNode {
        .section(
            .h2("Write"),
            .errorSummary(self.errors.errors.map(\.message)),
            .postForm(
                SiteRoute.applicationMessages(try? self.thread.loaded.application.requireTypedID()).path, csrfToken: self.context.csrfToken,
                enctype: "multipart/form-data",
                .textArea(
                    "Message", name: "body", value: self.typed, error: self.errors.message(for: "body"),
                    hint: "Plain text. Never write a patient's name or other identifiers; Rounds refuses messages that seem to contain them.",
                    maxLength: MessageDraft.limit, rows: 6),
                .div(
                    .class(self.errors.message(for: "file") == nil ? "field" : "field has-error"),
                    .tag("label", .safeAttribute("for", "field-file"), .text("Attach a file (optional)")),
                    .tag("p", .class("hint"), .safeAttribute("id", "field-file-hint"), .safeText("PDF, PNG or JPEG, at most \(DocumentUpload.describe(bytes: self.maximumAttachmentBytes)).")),
                    .fieldError(self.errors.message(for: "file"), id: "field-file"),
                    .voidTag("input", [("type", "file"), ("id", "field-file"), ("name", "file"), ("accept", ".pdf,.png,.jpg,.jpeg"), ("aria-describedby", "field-file-hint")])
                ),
                .submit("Send")
            )
        )
    }

    private func emailSection() -> BodyNode {
        let current = self.viewer.messageEmail.flatMap(MessageEmail.init) ?? .each
        return .section(
            .h2("E-mail about new messages"),
            .postForm(
                SiteRoute.messageEmail.path, csrfToken: self.context.csrfToken,
                .voidTag("input", [("type", "hidden"), ("name", "next"), ("value", SiteRoute.applicationMessages(try? self.thread.loaded.application.requireTypedID()).path)]),
                .selectField("Rounds e-mails me", name: "message_email", choices: MessageEmail.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) }, selected: current.rawValue),
                .submit("Save")
            )
        )
    }
}
