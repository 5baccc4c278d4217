import Foundation
import Plot
import RoundsCore

/// The administrators' page: every season's milestones as applicants see them, a form to correct one,
/// and the change log.
struct SeasonCorrectionPage {
    var calendar: SeasonCalendar
    var log: [SeasonCorrection]
    var errors: ValidationReport
    var context: PageContext
    var draft: SeasonCorrectionController.CorrectionForm? = nil

    /// A milestone as the log records it: "2027-03-19 21:00, inferred, https://…".
    static func describe(_ milestone: Milestone) -> String {
        [milestone.day.iso + (milestone.timeText.map { " \($0)" } ?? ""), milestone.provenance.confidence.rawValue, milestone.provenance.source ?? "no source"]
            .joined(separator: ", ")
    }

    static func describe(_ correction: SeasonCorrection) -> String {
        let value = correction.day.map { Day(ordinal: $0).iso + (correction.minute.map { " " + SeasonCalendar.clockText($0) } ?? "") } ?? "not published"
        return [value, correction.confidence.rawValue, correction.source ?? "no source"].joined(separator: ", ")
    }

    func layout() -> PageLayout {
        PageLayout(
            title: "Season dates",
            context: self.context,
            content: .div(
                .h1("Season dates"),
                .p(.text("What applicants see, from the shipped season file with the corrections below applied. Correct a date when the NRMP or the AAMC publishes or moves it, and give the page.")),
                .errorSummary(self.errors),
                .forEach(self.calendar.matchYears) { year in
                    .section(
                        .h2(.text("\(year) Match")),
                        .ul(
                            .forEach(self.calendar[year]?.timeline ?? []) { entry in
                                .li(.strong(.safeText(entry.kind.title)), .safeText(": " + (entry.milestone.map(Self.describe) ?? "not published")))
                            }
                        )
                    )
                },
                .section(
                    .h2("Correct a milestone"),
                    .postForm(
                        SiteRoute.adminSeason.path,
                        csrfToken: self.context.csrfToken,
                        .selectField(
                            "Match year", name: "match_year", choices: self.calendar.matchYears.map { Choice(value: "\($0)", label: "\($0)") }, selected: self.draft?.matchYear,
                            error: self.errors.message(for: "match_year")),
                        .selectField(
                            "Milestone", name: "milestone", choices: MilestoneKind.allCases.map { Choice(value: $0.rawValue, label: $0.title) }, selected: self.draft?.milestone,
                            error: self.errors.message(for: "milestone")),
                        .field("Date", name: "date", value: self.draft?.date ?? "", type: "date", error: self.errors.message(for: "date"), hint: "Leave empty if the date is not published."),
                        .field("Time (Eastern)", name: "time", value: self.draft?.time ?? "", type: "time", error: self.errors.message(for: "time")),
                        .field("Source (web address)", name: "source", value: self.draft?.source ?? "", type: "url", error: self.errors.message(for: "source"), maxLength: CorrectionLimits.source),
                        .selectField(
                            "Confidence", name: "confidence", choices: SourceConfidence.allCases.map { Choice(value: $0.rawValue, label: $0.label) },
                            selected: self.draft?.confidence ?? SourceConfidence.primary.rawValue, error: self.errors.message(for: "confidence")),
                        .field("Note", name: "note", value: self.draft?.note ?? "", error: self.errors.message(for: "note"), hint: "For an inferred date, say how.", maxLength: CorrectionLimits.note),
                        .submit("Save the correction")
                    )
                ),
                .section(
                    .h2("Change log"),
                    self.log.isEmpty
                        ? .p("No corrections yet: applicants see the shipped file.")
                        : .stackingTable(
                            ["When", "Who", "Milestone", "Was", "Now", "Note"],
                            rows: self.log.map { entry in
                                [
                                    .text(DisplayFormat.dateTime(entry.changedAt)),
                                    .safeText(entry.changedBy?.displayName ?? "a removed account"),
                                    .safeText("\(entry.matchYear) \(entry.milestone.title)"),
                                    .safeText(entry.previous),
                                    .safeText(Self.describe(entry)),
                                    .safeText(entry.note),
                                ]
                            }
                        )
                )
            )
        )
    }
}

enum CorrectionLimits {
    static let source = SeasonCorrectionController.CorrectionForm.maximumSourceLength
    static let note = SeasonCorrectionController.CorrectionForm.maximumNoteLength
}
