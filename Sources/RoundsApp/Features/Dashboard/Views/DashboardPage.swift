import Foundation
import Plot
import RoundsCore
import Tagged

/// The signed-in home page: for each role the user holds, what needs them next.
struct DashboardPage {
    var dashboard: Dashboard
    var now: Date
    var context: PageContext

    func layout() -> PageLayout {
        PageLayout(
            title: "Your dashboard",
            context: self.context,
            content: .div(
                .h1(.safeText("Welcome back, \(self.context.viewer?.displayName ?? "")")),
                self.dashboard.applicant.map(self.applicant) ?? .empty,
                self.dashboard.host.map(self.host) ?? .empty,
                self.dashboard.advisorCycles.map(self.advisor) ?? .empty,
                self.dashboard.sitesToVerify.map(self.admin) ?? .empty
            )
        )
    }

    /// "in 2 days", "in 5 hours", "in 20 minutes", or "passed".
    static func countdown(to date: Date, from now: Date) -> String {
        let seconds = date.timeIntervalSince(now)
        guard seconds > 0 else { return "passed" }
        let minutes = max(1, Int(seconds / 60))
        if minutes < 60 { return "in \(counted(minutes, "minute"))" }
        let hours = minutes / 60
        if hours < 48 { return "in \(counted(hours, "hour"))" }
        return "in \(counted(hours / 24, "day"))"
    }

    private func applicant(_ applicant: Dashboard.Applicant) -> BodyNode {
        .section(
            .class("dashboard-section"),
            .h2("Next steps"),
            applicant.offers.isEmpty
                ? .empty
                : .div(
                    .class("notice"),
                    .h3("Offers waiting for your answer"),
                    .ul(
                        .forEach(applicant.offers) { offer in
                            .li(
                                offer.application.application.id.map { id in
                                    .safeLink(SiteRoute.application(ApplicationID(rawValue: id)).path, .safeText(offer.application.opportunity.title))
                                } ?? .safeText(offer.application.opportunity.title),
                                .safeText(
                                    offer.expiresAt.map { ": expires \(Self.countdown(to: $0, from: self.now)) (\(DisplayFormat.dateTime($0)))" } ?? ": no expiry set")
                            )
                        }
                    )
                ),
            self.plan(applicant.plan),
            .ul(
                .li(.safeLink(SiteRoute.applications.path, .text("\(counted(applicant.liveApplications, "application")) in progress"))),
                .li(.safeLink(SiteRoute.letters.path, .text("\(counted(applicant.lettersWaiting, "letter request")) waiting for the writer"))),
                .li(.safeLink(SiteRoute.opportunities.path, .text("Find clinical experience")))
            ),
            applicant.goals.isEmpty
                ? .p(.safeLink(SiteRoute.portfolio.path, .text("Set an hours goal in your portfolio")))
                : .div(
                    .h3("Hours toward your goals"),
                    .ul(
                        .forEach(applicant.goals) { goal in
                            .li(.safeText("\(goal.label): \(goal.hours) of \(counted(goal.goal.targetHours, "hour"))"))
                        }
                    )
                )
        )
    }

    private func plan(_ overview: ResidencyOverview?) -> BodyNode {
        guard let overview else { return .empty }
        let open = overview.tasks.filter(\.state.isPending)
        let progress = PlanProgress(overview.tasks)
        return .div(
            .h3(.text("Your \(overview.matchYear) Match plan")),
            .p(.text("\(progress.done) of \(progress.applicable) tasks done. "), .safeLink(SiteRoute.residency.path, .text("Open the plan"))),
            .ul(
                .forEach(open.prefix(3)) { task in
                    .li(
                        .safeText(task.rule.title + ": "),
                        .safeText(
                            task.state == .overdue
                                ? "overdue since \(task.due.map { $0.day.inWords } ?? "")"
                                : "due \(task.due.map { $0.day.inWords } ?? "on a date not published yet")")
                    )
                }
            )
        )
    }

    private func host(_ host: Dashboard.Host) -> BodyNode {
        .section(
            .class("dashboard-section"),
            .h2("Your listings"),
            .ul(
                .li(.safeLink(SiteRoute.hostApplications.path, .text("\(counted(host.waitingForReview, "application")) waiting for your review"))),
                .li(.text("\(counted(host.offersPending, "offer")) waiting for the applicant's answer"))
            ),
            host.sessions.isEmpty
                ? .p(.safeLink(SiteRoute.hostSites.path, .text("Add a session to a listing")))
                : .stackingTable(
                    ["Upcoming session", "Starts", "Seats left"],
                    rows: host.sessions.map { session in
                        [
                            .safeText(session.opportunity.title),
                            .text(Day(ordinal: session.startDay).inWords),
                            .text("\(max(0, session.seats - session.seatsTaken)) of \(session.seats)"),
                        ]
                    }
                ),
            host.openCycles.isEmpty ? .empty : .p(.safeLink(SiteRoute.cycles.path, .text("\(counted(host.openCycles.count, "placement cycle")) open for ranking")))
        )
    }

    private func advisor(_ cycles: [PlacementCycle]) -> BodyNode {
        .section(
            .class("dashboard-section"),
            .h2("Placement cycles you run"),
            cycles.isEmpty
                ? .p(.safeLink(SiteRoute.advisorCycles.path, .text("Start a placement cycle")))
                : .ul(
                    .forEach(cycles) { cycle in
                        .li(
                            cycle.id.map { .safeLink(SiteRoute.advisorCycle(CycleID(rawValue: $0)).path, .safeText(cycle.name)) } ?? .safeText(cycle.name),
                            .text(" "), .badge(cycle.status)
                        )
                    }
                )
        )
    }

    private func admin(_ sitesToVerify: Int) -> BodyNode {
        .section(
            .class("dashboard-section"),
            .h2("Administration"),
            .p(.safeLink(SiteRoute.adminSites.path, .text("\(counted(sitesToVerify, "site")) waiting for verification")))
        )
    }
}
