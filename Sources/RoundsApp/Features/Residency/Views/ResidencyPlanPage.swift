import Plot
import RoundsCore

/// The applicant's Match season: tasks with their rules and sources, the season's milestones, the fee
/// estimate and the calendar feed.
struct ResidencyPlanPage {
    var overview: ResidencyOverview
    var years: [Int]
    /// The feed address, shown once right after it is made (only its hash is stored).
    var newCalendarURL: String?
    var relatedGuides: [Guide] = []
    var context: PageContext

    func layout() -> PageLayout {
        let year = self.overview.matchYear
        return PageLayout(
            title: "Your \(year) Match plan",
            context: self.context,
            content: .div(
                .h1(.text("Your \(year) Match plan")),
                .p(
                    .text("Seasons Rounds knows: "),
                    .group(
                        self.years.enumerated().map { index, other in
                            .group(
                                index == 0 ? .empty : .text(" · "),
                                other == year ? .strong(.text("\(other)")) : .safeLink(SiteRoute.residency.path(query: [("year", "\(other)")]), .text("\(other)"))
                            )
                        }),
                    .text(". "),
                    .safeLink(SiteRoute.residencyPrograms.path(query: [("year", "\(year)")]), .text("Program list and interviews")), .text(" · "),
                    .safeLink(SiteRoute.rankList.path(query: [("year", "\(year)")]), .text("Rank order list")), .text(" · "),
                    .safeLink(SiteRoute.residencyDirectory.path, .text("Program directory")), .text(" · "),
                    .safeLink(SiteRoute.visaPaths.path, .text("Visa paths"))
                ),
                self.profileNotice(),
                self.tasks(),
                self.settings(),
                self.timeline(),
                self.fees(),
                self.calendar(),
                GuidePages.related(self.relatedGuides)
            )
        )
    }

    private func profileNotice() -> BodyNode {
        guard let profile = self.overview.profile else {
            return .p(.class("notice"), .text("Fill in "), .safeLink(SiteRoute.profile.path, .text("your profile")), .text(" so Rounds can list the tasks that apply to you."))
        }
        if profile.track == .preMed {
            return .p(.class("notice"), .text("The residency season is for medical students and graduates; your profile says you are a pre-medical student."))
        }
        return .empty
    }

    /// The season at a glance: how many tasks are done, open and overdue, and the next dated one.
    private func progress() -> BodyNode {
        let progress = PlanProgress(self.overview.tasks)
        guard progress.applicable > 0 else { return .empty }
        return .div(
            .class("plan-progress"),
            .tag(
                "progress", .safeAttribute("max", "\(progress.applicable)"), .safeAttribute("value", "\(progress.done)"),
                .safeAttribute("aria-label", "Tasks done"), .text("\(progress.done) of \(progress.applicable)")),
            .p(
                .strong(.text("\(progress.done) of \(progress.applicable) tasks done")),
                .text(progress.overdue > 0 ? ", \(progress.overdue) overdue" : ""),
                progress.next.map { task in .safeText(". Next: \(task.rule.title), due \(task.due.map(ResidencyFormat.milestone) ?? "")") } ?? .empty,
                .text(".")
            )
        )
    }

    private func tasks() -> BodyNode {
        guard !self.overview.tasks.isEmpty else { return .empty }
        return .section(
            .h2("Tasks"),
            self.progress(),
            .stackingTable(
                ["Task", "Due", "Status", "Why this date"], rows: self.overview.tasks.map(self.cells), kind: "plan-tasks",
                rowClasses: self.overview.tasks.map { "task-" + $0.state.rawValue }
            )
        )
    }

    private func cells(_ task: PlanTask) -> [BodyNode] {
        [
            .group(
                .strong(.safeText(task.rule.title)),
                task.detail.map { .p(.class("hint"), .safeText($0)) } ?? .empty,
                .div(self.action(for: task))
            ),
            .safeText(task.due.map(ResidencyFormat.milestone) ?? "Date not published yet (\(task.rule.due.title))"),
            .badge(task.state),
            .group(
                .safeText(task.rule.rule + " "),
                .span(.source(task.rule.provenance)),
                .safeText(task.rule.checked.map { " Read for this rule on \($0.inWords)." } ?? " Date checked not recorded.")
            ),
        ]
    }

    private func action(for task: PlanTask) -> BodyNode {
        if task.kind.isTickedByApplicant {
            let done = task.state == .done
            return .postForm(
                SiteRoute.residencyTask(task.kind).path(query: [("year", "\(self.overview.matchYear)")]),
                csrfToken: self.context.csrfToken,
                .voidTag("input", [("type", "hidden"), ("name", "done"), ("value", done ? "false" : "true")]),
                .tag("button", .safeAttribute("type", "submit"), .class("button small"), .safeText(done ? "Mark not done" : "Mark done"))
            )
        }
        guard let link = Self.whereDone(task.kind, year: self.overview.matchYear) else { return .empty }
        return .safeLink(link.path, .safeText(link.title))
    }

    static func whereDone(_ task: PlanTaskKind, year: Int) -> (title: String, path: String)? {
        switch task {
        case .ecfmgCertification, .usmleStep1, .usmleStep2CK: ("Update your profile", SiteRoute.profile.path)
        case .erasExperiences: ("Check the ERAS export", SiteRoute.portfolioExport(.eras).path)
        case .programList, .signals: ("Open the program list", SiteRoute.residencyPrograms.path(query: [("year", "\(year)")]))
        case .usmleStep3, .ecfmgERASToken, .personalStatement, .letters, .nrmpRegistration, .rankList: nil
        }
    }

    private func settings() -> BodyNode {
        .section(
            .h2("Visa plans and reminders"),
            .postForm(
                SiteRoute.residencySettings.path(query: [("year", "\(self.overview.matchYear)")]),
                csrfToken: self.context.csrfToken,
                .tag(
                    "label", .class("checkbox"),
                    .voidTag("input", [("type", "checkbox"), ("name", "wants_h1b"), ("value", "true")] + (self.overview.wantsH1B ? [("checked", "checked")] : [])),
                    .text("I want H-1B sponsorship for residency (adds USMLE Step 3 to the plan)")
                ),
                .selectField(
                    "Reminders", name: "reminder_days",
                    choices: ReminderRule.dayChoices.map { Choice(value: "\($0)", label: "E-mail me \(counted($0, "day")) before each due date") },
                    selected: self.overview.reminderDays.map { "\($0)" } ?? "", includeBlank: "No reminders"),
                .tag(
                    "label", .class("checkbox"),
                    .voidTag("input", [("type", "checkbox"), ("name", "weekly_digest"), ("value", "true")] + (self.overview.weeklyDigest ? [("checked", "checked")] : [])),
                    .text("Send me a weekly digest of open tasks")
                ),
                .submit("Save settings")
            )
        )
    }

    private func timeline() -> BodyNode {
        .section(
            .h2("The \(self.overview.matchYear) season"),
            .p(.class("hint"), .text("Dates are in US Eastern time, as the NRMP and ERAS publish them.")),
            .ul(
                .class("timeline"),
                .forEach(self.overview.season.timeline) { entry in
                    .li(
                        .strong(.safeText(entry.kind.title)),
                        .text(": "),
                        entry.milestone.map { milestone in
                            .group(.safeText(ResidencyFormat.milestone(milestone) + ". "), .source(milestone.provenance))
                        } ?? .text("not published yet.")
                    )
                }
            )
        )
    }

    private func fees() -> BodyNode {
        let estimate = self.overview.fees
        return .section(
            .h2("Fee estimate"),
            estimate.usesEarlierSeason
                ? .p(.class("notice"), .text("ERAS fees for the \(estimate.matchYear) season are not published; this uses the \(estimate.erasSeasonUsed.map(String.init) ?? "latest") season's."))
                : .empty,
            estimate.specialties.isEmpty
                ? .p(.text("Mark programs as applied (or further) on your program list to estimate ERAS fees."))
                : .stackingTable(
                    ["ERAS, per specialty", "Programs", "Fee", "One more program"],
                    rows: estimate.specialties.map { line in
                        [
                            .safeText(line.specialty),
                            .text("\(line.programs)"),
                            .text(ResidencyFormat.dollars(line.amount)),
                            .text(ResidencyFormat.dollars(line.nextProgram)),
                        ]
                    }
                ),
            estimate.erasProvenance.map { .p(.source($0)) } ?? .empty,
            .ul(
                .forEach(estimate.lines) { line in
                    .li(.safeText("\(line.label): \(ResidencyFormat.dollars(line.amount)). "), .source(line.provenance))
                }
            ),
            .p(.strong(.text("Total: \(ResidencyFormat.dollars(estimate.total))")))
        )
    }

    private func calendar() -> BodyNode {
        .section(
            .h2("Calendar feed"),
            .p(.text("Subscribe in your calendar app to see the season's dates, your tasks and your interviews; it updates as your plan does.")),
            self.newCalendarURL.map { url in
                .div(
                    .class("notice"),
                    .p(.text("Your feed address (shown once; keep it private, anyone with it can read your calendar):")),
                    .voidTag("input", [("type", "text"), ("readonly", "readonly"), ("value", url), ("aria-label", "Calendar feed address")])
                )
            } ?? .empty,
            .postForm(
                SiteRoute.residencyCalendar.path,
                csrfToken: self.context.csrfToken,
                .voidTag("input", [("type", "hidden"), ("name", "action"), ("value", "create")]),
                .voidTag("input", [("type", "hidden"), ("name", "year"), ("value", "\(self.overview.matchYear)")]),
                .submit(self.overview.hasCalendar ? "Replace the feed address" : "Make a feed address")
            ),
            self.overview.hasCalendar
                ? .postForm(
                    SiteRoute.residencyCalendar.path,
                    csrfToken: self.context.csrfToken,
                    .voidTag("input", [("type", "hidden"), ("name", "action"), ("value", "revoke")]),
                    .voidTag("input", [("type", "hidden"), ("name", "year"), ("value", "\(self.overview.matchYear)")]),
                    .tag("button", .safeAttribute("type", "submit"), .class("button"), .text("Turn the feed off"))
                )
                : .empty
        )
    }
}
