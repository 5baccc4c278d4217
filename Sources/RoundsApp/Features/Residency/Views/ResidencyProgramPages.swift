import Foundation
import Plot
import RoundsCore
import Tagged

/// The program list of one Match year with the interview calendar and signal budgets, and the page
/// that edits one program.
enum ResidencyProgramPages {
    static func interviewText(_ program: ResidencyProgram) -> String? {
        guard let day = program.interviewDay else { return nil }
        var text = Day(ordinal: day).inWords
        if let minute = program.interviewMinute { text += ", \(SeasonCalendar.clockText(minute)) \(ResidencyFormat.zoneLabel(program.interviewTimeZone ?? ""))" }
        if let format = program.interviewFormat { text += " (\(format.displayName.lowercased()))" }
        return text
    }

    static func list(
        overview: ResidencyOverview, draft: ResidencyProgramDraft, errors: ValidationReport, specialties: [String], context: PageContext
    ) -> PageLayout {
        let year = overview.matchYear
        let clashing = Set(overview.clashes.values.flatMap { $0 })
        return PageLayout(
            title: "Programs for the \(year) Match",
            context: context,
            content: .div(
                .h1(.text("Programs for the \(year) Match")),
                .p(
                    .safeLink(SiteRoute.residency.path(query: [("year", "\(year)")]), .text("Back to your \(year) plan")), .text(" · "),
                    .safeLink(SiteRoute.rankList.path(query: [("year", "\(year)")]), .text("Rank order list")), .text(" · "),
                    .safeLink(SiteRoute.residencyDirectory.path, .text("Find programs in the directory, screened against your profile"))
                ),
                overview.programs.isEmpty
                    ? .p(.text("No programs on your list yet."))
                    : .stackingTable(
                        ["Program", "Specialty", "Place", "Status", "Interview", "Signal"],
                        rows: overview.programs.map { program in
                            [
                                .group(
                                    program.id.map { .safeLink(SiteRoute.residencyProgram(ResidencyProgramID(rawValue: $0)).path, .safeText(program.name)) } ?? .safeText(program.name),
                                    program.directoryProgramID.map { .group(.text(" ("), .safeLink(SiteRoute.residencyDirectoryProgram(DirectoryProgramID(rawValue: $0)).path, .text("directory")), .text(")")) } ?? .empty
                                ),
                                .safeText(program.specialty),
                                .safeText([program.city, program.state].filter { !$0.isEmpty }.joined(separator: ", ")),
                                .badge(program.status),
                                .group(
                                    .safeText(Self.interviewText(program) ?? "—"),
                                    clashing.contains(program.id?.uuidString ?? "") ? .element(named: "strong", nodes: [.class("clash"), .text(" Clash: another interview that day")]) : .empty
                                ),
                                .safeText(program.signal?.label ?? "—"),
                            ]
                        },
                        kind: "program-list"
                    ),
                Self.interviewCalendar(overview),
                Self.signalBudgets(overview),
                .section(
                    .h2("Add a program"),
                    .errorSummary(errors),
                    .postForm(
                        SiteRoute.residencyPrograms.path(query: [("year", "\(year)")]),
                        csrfToken: context.csrfToken,
                        .group(ResidencyProgramFields(draft: draft, errors: errors, specialties: specialties).nodes()),
                        .submit("Add to my list")
                    )
                )
            )
        )
    }

    /// Every interview in date order; days with more than one are flagged.
    static func interviewCalendar(_ overview: ResidencyOverview) -> BodyNode {
        let interviews = overview.programs.filter { $0.interviewDay != nil && !$0.status.isClosed }
            .sorted { ($0.interviewDay ?? 0, $0.interviewMinute ?? 0) < ($1.interviewDay ?? 0, $1.interviewMinute ?? 0) }
        guard !interviews.isEmpty else { return .empty }
        let names = Dictionary(overview.programs.compactMap { program in program.id.map { ($0.uuidString, program.name) } }, uniquingKeysWith: { first, _ in first })
        return .section(
            .h2("Interview calendar"),
            .forEach(overview.clashes.sorted { $0.key < $1.key }) { day, ids in
                .p(.class("clash"), .strong(.text("Clash on \(day.inWords): ")), .safeText(ids.compactMap { names[$0] }.sorted().joined(separator: " and ") + " both interview you that day."))
            },
            .ul(.forEach(interviews) { program in .li(.safeText("\(Self.interviewText(program) ?? ""): \(program.name)")) })
        )
    }

    /// Signals used against each specialty's budget, with the season the budget belongs to.
    static func signalBudgets(_ overview: ResidencyOverview) -> BodyNode {
        let specialties = Set(overview.programs.map(\.specialty)).sorted()
        let table = overview.signals
        guard !specialties.isEmpty else { return .empty }
        return .section(
            .h2("Signals"),
            .p(
                .text("Budgets are from the \(table.season) ERAS season"),
                .text(overview.matchYear > table.season + 1 ? "; later numbers are not published, so check the AAMC before you signal. " : ". "),
                .source(table.provenance)
            ),
            .ul(
                .forEach(specialties) { specialty in
                    guard let allowance = table.allowance(for: specialty) else {
                        return .li(.safeText("\(specialty): no program signals in the \(table.season) season."))
                    }
                    let mine = overview.programs.filter { table.allowance(for: $0.specialty)?.specialty == allowance.specialty }
                    let used = SignalTier.allCases.compactMap { tier -> String? in
                        guard let budget = allowance.budget(tier) else { return nil }
                        return "\(mine.filter { $0.signal == tier }.count) of \(budget) \(tier == .signal ? "signals" : tier.rawValue)"
                    }
                    return .li(.safeText("\(specialty): \(used.joined(separator: ", ")) used." + (allowance.note.map { " Note: \($0)." } ?? "")))
                }
            )
        )
    }

    static func edit(_ program: ResidencyProgram, draft: ResidencyProgramDraft, errors: ValidationReport, specialties: [String], context: PageContext) throws -> PageLayout {
        let id = try program.requireTypedID()
        return PageLayout(
            title: program.name,
            context: context,
            content: .div(
                .h1(.safeText(program.name)),
                .p(.safeLink(SiteRoute.residencyPrograms.path(query: [("year", "\(program.matchYear)")]), .text("Back to the \(program.matchYear) program list"))),
                .errorSummary(errors),
                .postForm(
                    SiteRoute.residencyProgram(id).path,
                    csrfToken: context.csrfToken,
                    .group(ResidencyProgramFields(draft: draft, errors: errors, specialties: specialties).nodes()),
                    .submit("Save")
                ),
                .postButton(SiteRoute.deleteResidencyProgram(id).path, title: "Remove from my list", csrfToken: context.csrfToken)
            )
        )
    }
}
