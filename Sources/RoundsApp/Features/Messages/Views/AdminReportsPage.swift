import Fluent
import Foundation
import Plot
import RoundsCore
import Tagged

/// `/admin/reports`: reported messages, open ones first, each with its thread and a decision.
struct AdminReportsPage {
    var reports: [MessageReport]
    var context: PageContext

    func layout() -> PageLayout {
        let open = self.reports.filter { $0.resolvedAt == nil }
        let decided = self.reports.filter { $0.resolvedAt != nil }
        return PageLayout(
            title: "Reported messages",
            context: self.context,
            content: .div(
                .h1("Reported messages"),
                .p(.text("A party to a conversation reported these. Read the conversation, then keep the message or remove its text; either is recorded in the audit log.")),
                .p(.safeLink(SiteRoute.adminListingReports.path, .text("Reported listings"))),
                .h2(.safeText("Open (\(open.count))")),
                open.isEmpty ? .p(.text("No open reports.")) : .tag("ul", open.map(self.row)),
                .h2("Decided"),
                decided.isEmpty ? .p(.text("None yet.")) : .tag("ul", decided.map(self.row))
            )
        )
    }

    private func row(_ report: MessageReport) -> BodyNode {
        .tag(
            "li", .class("report"),
            .p(.strong(.safeText(report.reporterName)), .safeText(" reported a message from \(report.message.authorName), \(DisplayFormat.dateTime(report.createdAt)):")),
            .blockquote(.safeText(report.messageBody)),
            .p(.safeText("Why: \(report.reason)")),
            .p(.safeLink(MessageDesk.path(of: report.message), .text("Read the conversation"))),
            report.resolvedAt == nil
                ? .postForm(
                    SiteRoute.resolveReport(try? report.requireTypedID()).path, csrfToken: self.context.csrfToken,
                    .selectField("Decision", name: "resolution", choices: ReportResolution.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) }, selected: nil),
                    .field("Note for the record (optional)", name: "note", maxLength: MessageReportDraft.limit, id: "note-\(report.id?.uuidString ?? "")"),
                    .submit("Decide")
                )
                : .p(.class("hint"), .safeText("Decided \(report.resolvedAt.map(DisplayFormat.dateTime) ?? ""): \(report.resolution?.displayName.lowercased() ?? "")" + ((report.resolutionNote ?? "").isEmpty ? "" : " (\(report.resolutionNote ?? ""))")))
        )
    }
}
