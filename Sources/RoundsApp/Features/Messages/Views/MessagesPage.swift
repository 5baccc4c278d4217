import Fluent
import Foundation
import Plot
import RoundsCore
import Tagged

/// A conversation — an application's, or an applicant's questions about an opportunity: the messages, a form
/// to write, a report button on the other side's messages, and how Rounds e-mails about new ones. An
/// administrator reading a reported thread sees the reports and no form.
struct MessagesPage {
    var thread: MessageDesk.Thread
    var viewer: User
    var maximumAttachmentBytes: Int
    var typed = ""
    var errors = ValidationReport()
    var context: PageContext

    func layout() -> PageLayout {
        let thread = self.thread
        let other = thread.party == .host ? thread.applicant.displayName : thread.host.displayName
        let back: BodyNode
        let title: String
        var isQuestions = false
        switch thread.subject {
        case .application(let loaded):
            title = "Messages: \(thread.opportunity.title)"
            back = .safeLink(SiteRoute.application(try? loaded.application.requireTypedID()).path, .text("← The application"))
        case .questions(let opportunity, _):
            isQuestions = true
            title = "Questions: \(thread.opportunity.title)"
            back = thread.party == .host
                ? .safeLink(SiteRoute.hostQuestions.path, .text("← All questions to you"))
                : .safeLink(SiteRoute.opportunity(try? opportunity.requireTypedID()).path, .text("← The opportunity"))
        }
        return PageLayout(
            title: title,
            context: self.context,
            content: .div(
                .p(back),
                .h1(.safeText(title)),
                .p(.safeText(
                    thread.party == nil
                        ? "Between \(thread.applicant.displayName) and \(thread.host.displayName). You see it because a message in it was reported."
                        : "Between you and \(other). Only the two of you read it; administrators read it only if one of you reports a message.")),
                thread.messages.isEmpty
                    ? .p(.class("hint"), .text(isQuestions && thread.party == .applicant ? "Ask the host what you need to know before applying." : "No messages yet."))
                    : .tag("ol", [.class("messages")] + thread.messages.map(self.row)),
                thread.party == nil ? .empty
                    : thread.canWrite ? self.composeSection()
                    : .p(.class("hint"), .text("The host takes no new questions about this opportunity now; you can read what was said.")),
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
            .errorSummary(self.errors),
            .postForm(
                self.thread.path, csrfToken: self.context.csrfToken,
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
                .voidTag("input", [("type", "hidden"), ("name", "next"), ("value", self.thread.path)]),
                .selectField("Rounds e-mails me", name: "message_email", choices: MessageEmail.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) }, selected: current.rawValue),
                .submit("Save")
            )
        )
    }
}
