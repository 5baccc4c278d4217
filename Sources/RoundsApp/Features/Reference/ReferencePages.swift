import Foundation
import Plot
import RoundsCore

/// The visa paths and research programs pages; every rule and row shows its source and confidence.
enum ReferencePages {
    static func visaPaths(_ paths: VisaPaths, context: PageContext) -> PageLayout {
        PageLayout(
            title: "Visa paths",
            context: context,
            content: .div(
                .h1("Visa paths for clinical experience and residency"),
                .p(.safeText(paths.about)),
                .p(.text("Rounds applies these rules in the catalog (who may take an observership or a hands-on elective) and in the program directory (J-1 and H-1B). Not legal advice: confirm with the sponsor or an immigration attorney.")),
                .section(
                    .h2("What follows for rotations"),
                    .ul(.forEach(paths.consequences) { .li(.safeText($0)) })
                ),
                .forEach(paths.rules) { rule in
                    .section(
                        .safeAttribute("id", "visa-\(rule.id)"),
                        .h2(.safeText(rule.status)),
                        rule.who.map { .p(.strong("Who: "), .safeText($0)) } ?? .empty,
                        rule.what.map { .p(.strong("What: "), .safeText($0)) } ?? .empty,
                        rule.may.map { .p(.strong("Allows: "), .safeText($0)) } ?? .empty,
                        Self.list("Forbids", rule.mayNot),
                        Self.list("Requires", rule.requires),
                        Self.list("Limits", rule.limits),
                        rule.homeResidency.map { .p(.strong("Home residency: "), .safeText($0)) } ?? .empty,
                        rule.note.map { .p(.strong("Note: "), .safeText($0)) } ?? .empty,
                        .p(.class("source"), .text("Source: "), DirectoryPages.sourceLinks(rule.source), .safeText(" (\(rule.confidence.label)).")),
                        rule.id == "j1-ecfmg-clinical" || rule.id == "h1b-resident"
                            ? .p(.safeLink(SiteRoute.residencyDirectory.path(query: [("visa", rule.id == "h1b-resident" ? "h1b" : "j1")]), .text("Programs in the directory that take it")))
                            : .empty
                    )
                }
            )
        )
    }

    private static func list(_ title: String, _ items: [String]?) -> BodyNode {
        guard let items, !items.isEmpty else { return .empty }
        return .div(.p(.strong(.safeText(title + ":"))), .ul(.forEach(items) { .li(.safeText($0)) }))
    }

    static func researchPrograms(_ data: ResearchPrograms, status: VisaStatus?, showAll: Bool, today: Day, context: PageContext) -> PageLayout {
        let shown = data.programs.filter { program in
            guard let status, !showAll else { return true }
            return program.admits(status) != false
        }
        let hidden = data.programs.count - shown.count
        return PageLayout(
            title: "Research and summer programs",
            context: context,
            content: .div(
                .h1("Research and summer programs for pre-medical students"),
                .p(.safeText(data.about)),
                status.map { status in
                    .p(
                        .class("notice"),
                        .safeText("Shown for your status in your profile: \(status.displayName). "),
                        hidden > 0 && !showAll
                            ? .group(.safeText("\(counted(hidden, "program")) that do not take it are hidden. "), .safeLink(SiteRoute.researchPrograms.path(query: [("all", "1")]), .text("Show all")))
                            : .empty
                    )
                } ?? .p(.text("Sign in as an applicant with a profile to see only the programs your status may apply to.")),
                status == nil ? .empty : .p(.text("The yearly deadlines of the programs your status may apply to are in your calendar feed ("), .safeLink(SiteRoute.residency.path, .text("set it up on your plan page")), .text(").")),
                .ul(
                    .class("research-programs"),
                    .forEach(shown) { program in
                        .li(
                            .h2(.safeText(program.name)),
                            .p(.strong("Who may apply: "), .safeText(program.citizenship.map { $0.joined(separator: ", ") } ?? "set by each host institution (unknown here)"), .safeText("; " + program.who + ".")),
                            status.flatMap { program.admits($0) }.map { admits in
                                .p(.strong(admits ? "Your status is listed." : "Your status is not listed."))
                            } ?? (status == nil ? .empty : .p(.strong("Whether your status may apply is unknown: ask the program."))),
                            program.age.map { .p(.strong("Age: "), .safeText($0)) } ?? .empty,
                            .p(.strong("Deadline: "), .safeText(Self.deadline(program, today: today))),
                            program.opens.map { .p(.strong("Opens: "), .safeText($0)) } ?? .empty,
                            program.length.map { .p(.strong("Length: "), .safeText($0)) } ?? .empty,
                            program.stipend.map { .p(.strong("Stipend: "), .safeText($0.display)) } ?? .empty,
                            program.extras.map { .p(.strong("Also: "), .safeText($0)) } ?? .empty,
                            .p(.class("source"), .text("Source: "), DirectoryPages.sourceLinks(program.source), .safeText(" (\(program.confidence.label)); confirm the deadline each year."))
                        )
                    }
                ),
                data.ended.isEmpty
                    ? .empty
                    : .section(
                        .h2("Programs that have ended"),
                        .ul(.forEach(data.ended) { ended in .li(.safeText("\(ended.name) (ran \(ended.ran)). "), DirectoryPages.sourceLinks(ended.source)) })
                    )
            )
        )
    }

    static func deadline(_ program: ResearchPrograms.Program, today: Day) -> String {
        if let next = program.nextDeadline(after: today) { return next.inWords + " (yearly)" }
        return program.deadline ?? "not published"
    }
}
