import Foundation
import Plot
import RoundsCore
import Tagged

/// The portfolio overview: the USCE summary, goals, experiences, and the way to the exports.
enum PortfolioPages {
    static func facts(_ rows: [(String, String)]) -> BodyNode {
        .tag("dl", [.class("facts")] + rows.flatMap { [BodyNode.tag("dt", .safeText($0.0)), .tag("dd", .safeText($0.1))] })
    }

    static func hours(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value).replacingOccurrences(of: "0$", with: "", options: .regularExpression)
    }

    static func overview(
        _ experiences: [LoadedExperience], summary: USCESummary, goals: [PortfolioStore.GoalProgress], errors: ValidationReport, context: PageContext
    ) -> PageLayout {
        PageLayout(
            title: "Portfolio",
            context: context,
            content: .div(
                .h1("Your portfolio"),
                self.summarySection(summary),
                self.goalsSection(goals, errors: errors, csrfToken: context.csrfToken),
                self.experiencesSection(experiences),
                .h2("Exports"),
                .p(
                    .a(.href(SiteRoute.portfolioExport(.amcas).path), .text("AMCAS Work/Activities")), .text(" · "),
                    .a(.href(SiteRoute.portfolioExport(.eras).path), .text("ERAS Experiences")),
                    .text(" — each entry is checked against the service's limits first.")
                )
            )
        )
    }

    static func summarySection(_ summary: USCESummary) -> BodyNode {
        .section(
            .h2("US clinical experience"),
            self.facts([
                ("Last 12 months", "\(counted(summary.handsOnWeeks12, "week")) hands-on, \(counted(summary.observationalWeeks12, "week")) observational"),
                ("Last 24 months", "\(counted(summary.handsOnWeeks24, "week")) hands-on, \(counted(summary.observationalWeeks24, "week")) observational"),
                ("Specialties", summary.specialties.isEmpty ? "None yet" : summary.specialties.joined(separator: ", ")),
                ("Letters obtained", String(summary.lettersObtained)),
                ("Verified", "\(summary.verifiedHours) of \(counted(summary.completedHours, "hour")) (\(Int((summary.verifiedShare * 100).rounded())) %)"),
            ])
        )
    }

    static func goalsSection(_ goals: [PortfolioStore.GoalProgress], errors: ValidationReport, csrfToken: String) -> BodyNode {
        let scopes = [Choice(value: "clinical", label: "Clinical experience"), Choice(value: "all", label: "All experiences")]
            + AMCASExperienceType.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) }
        let rows: [BodyNode] = goals.map { progress in
            .tag(
                "li",
                .safeText("\(progress.label): \(progress.hours) of \(counted(progress.goal.targetHours, "hour")) "),
                .tag(
                    "progress", .safeAttribute("max", String(progress.goal.targetHours)), .safeAttribute("value", String(min(progress.hours, progress.goal.targetHours))),
                    .safeText("\(Int(progress.fraction * 100)) %")
                ),
                .postButton(SiteRoute.deleteGoal(GoalID(progress.goal.id!)).path, title: "Remove", csrfToken: csrfToken, style: "link")
            )
        }
        return .section(
            .h2("Goals"),
            goals.isEmpty ? .p("No goals yet: set one, such as 100 hours of physician shadowing.") : .tag("ul", [.class("goals")] + rows),
            .errorSummary(errors),
            .postForm(
                SiteRoute.portfolioGoals.path, csrfToken: csrfToken,
                .selectField("Goal for", name: "scope", choices: scopes, selected: nil, error: errors.message(for: "scope")),
                .field("Hours", name: "target_hours", type: "number", error: errors.message(for: "target_hours"), isRequired: true),
                .submit("Set the goal")
            )
        )
    }

    static func experiencesSection(_ experiences: [LoadedExperience]) -> BodyNode {
        let rows: [[BodyNode]] = experiences.map { loaded in
            let e = loaded.experience
            return [
                .safeLink(SiteRoute.experience(ExperienceID(e.id!)).path, .safeText(e.title)),
                .safeText(e.organization),
                .safeText(e.amcas.displayName),
                .safeText("\(loaded.completedHours)" + (loaded.anticipatedHours > 0 ? " (+\(loaded.anticipatedHours) anticipated)" : "")),
                .safeText(e.verificationLine ?? "Not verified"),
            ]
        }
        return .section(
            .h2("Experiences"),
            .p(.a(.class("button"), .href(SiteRoute.newExperience.path), .text("Add an experience"))),
            experiences.isEmpty
                ? .p("No experiences yet. Completed placements appear here on their own.")
                : .stackingTable(["Experience", "Organization", "Type", "Hours", "Verification"], rows: rows)
        )
    }

    /// The printable export page: every entry as it will be entered, with what does not fit and why.
    static func export(_ result: PortfolioExport.Result, context: PageContext) -> PageLayout {
        let format = result.format
        let season = format == .amcas ? ApplicationFormats.AMCAS.season : ApplicationFormats.ERAS.season
        let readFrom = format == .amcas ? ApplicationFormats.AMCAS.readFrom : ApplicationFormats.ERAS.readFrom
        let entries: [BodyNode] = result.entries.map { entry in
            let e = entry.experience
            var rows: [(String, String)] = [
                ("Type", format == .amcas ? e.amcasType.displayName : e.erasType.displayName),
                ("Organization", [e.organization, e.city, e.state, e.country].filter { !$0.isEmpty }.joined(separator: ", ")),
                (
                    "Dates",
                    e.ranges.map { range in
                        let dates = "\(PortfolioExport.monthYear(range.start)) – \(range.end.map(PortfolioExport.monthYear) ?? "present")"
                        return format == .amcas ? "\(dates): \(range.completedHours) h completed, \(range.anticipatedHours) h anticipated" : dates
                    }.joined(separator: "; ")
                ),
                ("Description (\(e.description.count) characters)", e.description),
            ]
            if format == .eras {
                rows.append(("Frequency of participation", e.frequency?.displayName ?? "not given"))
                rows.append(("Setting, focus area, key characteristic", [e.erasSetting?.displayName, e.focusArea?.displayName, e.keyCharacteristic?.displayName].map { $0 ?? "not given" }.joined(separator: "; ")))
            }
            if format == .amcas && e.amcasMostMeaningful { rows.append(("Most meaningful (\(e.amcasReflection.count))", e.amcasReflection)) }
            if format == .eras && e.erasMostMeaningful { rows.append(("Most meaningful reflection (\(e.erasReflection.count))", e.erasReflection)) }
            if let verification = e.verification { rows.append(("Verification", verification)) }
            return .article(
                .h2(.safeText(e.title)),
                entry.problems.isEmpty ? .empty : .ul(.class("problems"), .forEach(entry.problems) { .li(.safeText($0)) }),
                self.facts(rows)
            )
        }
        return PageLayout(
            title: format.displayName,
            context: context,
            content: .div(
                .p(.a(.href(SiteRoute.portfolio.path), .text("← Portfolio"))),
                .h1(.safeText(format.displayName)),
                .p(.safeText("Limits of \(season), read from \(readFrom). Choose what each experience is exported to on its page.")),
                result.problems.isEmpty ? .empty : .div(.class("error-summary"), .safeAttribute("role", "alert"), .ul(.forEach(result.problems) { .li(.safeText($0)) })),
                result.notices.isEmpty ? .empty : .div(.class("flash flash-notice"), .ul(.forEach(result.notices) { .li(.safeText($0)) })),
                result.isValid
                    ? .p(.a(.class("button primary"), .href(SiteRoute.portfolioExportCSV(format).path), .text("Download CSV")))
                    : .p(.class("problems"), .text("Fix the entries marked below to download the CSV.")),
                .group(entries)
            )
        )
    }
}
