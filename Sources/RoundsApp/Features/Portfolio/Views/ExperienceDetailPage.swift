import Foundation
import Plot
import RoundsCore
import Tagged

/// One experience: its hours by period, the hour log, verification, procedures, exports, and the edit form.
struct ExperienceDetailPage {
    var loaded: LoadedExperience
    var procedures: [ProcedureLog]
    var evaluation: PlacementEvaluation?
    var draft: ExperienceDraft
    var errors: ValidationReport
    var context: PageContext
    /// A refused hour log or procedure, shown again as typed.
    var logDraft: HourLogForm? = nil
    var procedureDraft: ProcedureForm? = nil

    var id: UUID { self.loaded.experience.id! }
    var csrf: String { self.context.csrfToken }

    func layout() -> PageLayout {
        let e = self.loaded.experience
        return PageLayout(
            title: e.title,
            context: self.context,
            content: .div(
                .p(.a(.href(SiteRoute.portfolio.path), .text("← Portfolio"))),
                .h1(.safeText(e.title)),
                .p(.safeText("\(e.organization) · \(e.amcas.displayName) · \(e.handsOn ? "hands-on" : "observational")")),
                .p(.strong(.safeText(e.verificationLine.map { "\($0) (\(counted(e.verifiedHours ?? 0, "hour")))" } ?? "Not verified yet"))),
                self.hoursSection(),
                self.logSection(),
                self.verificationSection(),
                self.proceduresSection(),
                self.evaluationSection(),
                self.exportSection(),
                .h2("Edit"),
                ExperiencePages.form(action: SiteRoute.experience(ExperienceID(self.id)).path, draft: self.draft, errors: self.errors, isVerified: e.isVerified, csrfToken: self.csrf),
                .postButton(SiteRoute.deleteExperience(ExperienceID(self.id)).path, title: "Delete this experience", csrfToken: self.csrf, style: "link")
            )
        )
    }

    func hoursSection() -> BodyNode {
        let rows: [[BodyNode]] = self.loaded.periods.map { period in
            [
                .safeText("\(Day(ordinal: period.startDay).inWords) – \(period.endDay.map { Day(ordinal: $0).inWords } ?? "ongoing")"),
                .safeText(String(self.loaded.completedHours(period))),
                .safeText(String(period.anticipatedHours)),
            ]
        }
        return .section(
            .h2("Hours"),
            .stackingTable(["Period", "Completed", "Anticipated"], rows: rows),
            .p(.safeText("\(self.loaded.completedHours) completed hours in all, of which \(PortfolioPages.hours(self.loaded.loggedHours)) logged day by day."))
        )
    }

    func logSection() -> BodyNode {
        let rows: [[BodyNode]] = self.loaded.logs.reversed().map { log in
            [
                .safeText(Day(ordinal: log.day).inWords),
                .safeText(PortfolioPages.hours(log.hours)),
                .safeText(log.activities),
                .postButton(SiteRoute.deleteHourLog(ExperienceID(self.id), HourLogID(log.id!)).path, title: "Delete", csrfToken: self.csrf, style: "link"),
            ]
        }
        return .section(
            .h2("Hour log"),
            self.loaded.logs.isEmpty
                ? .p("No hours logged yet.")
                : .stackingTable(["Day", "Hours", "Activities", ""], rows: rows),
            .postForm(
                SiteRoute.experienceLogs(ExperienceID(self.id)).path, csrfToken: self.csrf,
                .field("Day", name: "day", value: self.logDraft?.day ?? "", type: "date", error: self.errors.message(for: "day"), isRequired: true),
                .field(
                    "Hours", name: "hours", value: self.logDraft?.hours ?? "", error: self.errors.message(for: "hours"), hint: "Quarter hours allowed, e.g. 7.5",
                    isRequired: true
                ),
                .textArea(
                    "Activities", name: "activities", value: self.logDraft?.activities ?? "", error: self.errors.message(for: "activities"),
                    maxLength: HourLogDraft.maximumActivities, rows: 2
                ),
                .submit("Log hours")
            )
        )
    }

    func verificationSection() -> BodyNode {
        let e = self.loaded.experience
        return .section(
            .h2("Verification"),
            .p(
                .safeText(
                    e.supervisorEmail.isEmpty
                        ? "Add your supervisor's name and e-mail to ask them to confirm this experience."
                        : "Rounds e-mails \(e.supervisorName) (\(e.supervisorEmail)) a link to confirm the experience and its hours, correct the hours, or decline."
                )
            ),
            e.supervisorEmail.isEmpty
                ? .empty : .postButton(SiteRoute.experienceVerification(ExperienceID(self.id)).path, title: "Ask the supervisor to verify", csrfToken: self.csrf)
        )
    }

    func proceduresSection() -> BodyNode {
        let rows: [[BodyNode]] = self.procedures.map { procedure in
            [
                .safeText(procedure.procedure),
                .safeText(ProcedureRole(rawValue: procedure.role)?.displayName ?? procedure.role),
                .safeText(String(procedure.count)),
            ]
        }
        return .section(
            .h2("Procedures and cases"),
            self.procedures.isEmpty
                ? .p("None logged.")
                : .stackingTable(["Procedure", "Role", "Count"], rows: rows),
            .postForm(
                SiteRoute.experienceProcedures(ExperienceID(self.id)).path, csrfToken: self.csrf,
                .field(
                    "Procedure or case", name: "procedure", value: self.procedureDraft?.procedure ?? "", error: self.errors.message(for: "procedure"), isRequired: true,
                    maxLength: 120
                ),
                .selectField(
                    "Your role", name: "role", choices: ProcedureRole.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) },
                    selected: self.procedureDraft?.role, error: self.errors.message(for: "role")
                ),
                .field("How many", name: "count", value: self.procedureDraft?.count ?? "1", type: "number", error: self.errors.message(for: "count"), isRequired: true),
                .submit("Add to the log")
            )
        )
    }

    func evaluationSection() -> BodyNode {
        guard let evaluation = self.evaluation else { return .empty }
        let scores = PlacementEvaluations.scores(evaluation)
        return .section(
            .h2("Host evaluation"),
            .p(.safeText("The six ACGME competency domains, scored on \(Competency.scaleDescription).")),
            PortfolioPages.facts(Competency.allCases.map { ($0.displayName, scores[$0].map { "\($0) of 5" } ?? "—") } + [("Comments", evaluation.comments.isEmpty ? "None" : evaluation.comments)])
        )
    }

    func exportSection() -> BodyNode {
        let e = self.loaded.experience
        return .section(
            .h2("Exports"),
            .postForm(
                SiteRoute.experienceExports(ExperienceID(self.id)).path, csrfToken: self.csrf,
                ExperiencePages.checkbox("Include in the AMCAS export", name: "in_amcas", checked: e.inAMCAS),
                ExperiencePages.checkbox("Include in the ERAS export", name: "in_eras", checked: e.inERAS),
                .submit("Save export choices")
            )
        )
    }
}
