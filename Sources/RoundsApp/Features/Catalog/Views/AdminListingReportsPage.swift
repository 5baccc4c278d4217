import Fluent
import Foundation
import Plot
import RoundsCore
import Tagged

/// `/admin/listing-reports`: reported listings, open ones first, each with a decision.
struct AdminListingReportsPage {
    var reports: [ListingReport]
    var context: PageContext

    func layout() -> PageLayout {
        let open = self.reports.filter { $0.resolvedAt == nil }
        let decided = self.reports.filter { $0.resolvedAt != nil }
        return PageLayout(
            title: "Reported listings",
            context: self.context,
            content: .div(
                .h1("Reported listings"),
                .p(.text("People reported these listings. Open the listing, then keep it or withdraw it from the catalog; the host reads your reason, and either decision is recorded in the audit log. A host who publishes a withdrawn listing again unchanged can have their site suspended.")),
                .p(.safeLink(SiteRoute.adminReports.path, .text("Reported messages"))),
                .h2(.safeText("Open (\(open.count))")),
                open.isEmpty ? .p(.text("No open reports.")) : .tag("ul", open.map(self.row)),
                .h2("Decided"),
                decided.isEmpty ? .p(.text("None yet.")) : .tag("ul", decided.map(self.row))
            )
        )
    }

    private func row(_ report: ListingReport) -> BodyNode {
        let id = report.id?.uuidString ?? ""
        return .tag(
            "li", .class("report"),
            .p(
                .strong(.safeText(report.reporterName)), .safeText(" reported "),
                .safeLink(SiteRoute.opportunity(OpportunityID(report.$opportunity.id)).path, .safeText(report.opportunityTitle)),
                .safeText(", \(DisplayFormat.dateTime(report.createdAt)) — \(report.problem.displayName)")),
            .blockquote(.forEach(report.details.components(separatedBy: "\n")) { .p(.safeText($0)) }),
            .p(.class("hint"), .safeText("The listing is \(report.$opportunity.value?.status.rawValue ?? "gone") now.")),
            report.resolvedAt == nil
                ? .postForm(
                    SiteRoute.resolveListingReport(try? report.requireTypedID()).path, csrfToken: self.context.csrfToken,
                    .selectField(
                        "Decision", name: "resolution", choices: ListingReportResolution.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) },
                        selected: nil),
                    .field("Reason (the host reads it when you withdraw)", name: "note", maxLength: ListingReportDraft.limit, id: "note-\(id)"),
                    .submit("Decide")
                )
                : .p(
                    .class("hint"),
                    .safeText("Decided \(report.resolvedAt.map(DisplayFormat.dateTime) ?? ""): \(report.resolution?.displayName.lowercased() ?? "")"
                        + ((report.resolutionNote ?? "").isEmpty ? "" : " (\(report.resolutionNote ?? ""))")))
        )
    }
}
