import Foundation
import Plot
import RoundsCore
import Tagged

/// The applicant's program directory: the search with every program's verdict and its reasons, each with
/// its source, and one program's page.
enum DirectoryPages {
    struct SearchPage {
        var query: DirectoryQuery
        var errors: ValidationReport
        var hits: [DirectorySearch.Hit<UUID>]
        var hasProfile: Bool
        /// Directory programs already on one of the applicant's lists.
        var onList: Set<UUID>
        var specialties: [String]
        var context: PageContext
    }

    static func search(_ p: SearchPage) -> PageLayout {
        let page = min(p.query.pageNumber, SearchQuery.pageCount(total: p.hits.count, perPage: DirectoryQuery.perPage))
        let shown = p.hits.dropFirst((page - 1) * DirectoryQuery.perPage).prefix(DirectoryQuery.perPage)
        return PageLayout(
            title: "Program directory",
            context: p.context,
            content: .div(
                .h1("Program directory"),
                .p(
                    .text("Residency programs screened against your profile, your planner's visa choice and your verified US clinical experience. "),
                    .text("Each verdict gives its reasons with the page they come from; what the directory does not know is shown as unknown, never as a no. "),
                    .safeLink(SiteRoute.visaPaths.path, .text("How the visa paths work."))
                ),
                p.hasProfile ? .empty : .p(.class("notice"), .safeLink(SiteRoute.profile.path, .text("Fill in your profile")), .text(" to screen programs against it.")),
                .errorSummary(p.errors),
                Self.form(p),
                .p(.class("result-count"), .safeText(counted(p.hits.count, "program") + (p.hits.isEmpty ? "." : ", page \(page) of \(SearchQuery.pageCount(total: p.hits.count, perPage: DirectoryQuery.perPage))."))),
                .ul(.class("directory-results"), .forEach(Array(shown)) { hit in Self.hit(hit, onList: p.onList.contains(hit.id), context: p.context) }),
                Self.pagination(p.query, page: page, total: p.hits.count)
            )
        )
    }

    private static func form(_ p: SearchPage) -> BodyNode {
        let q = p.query
        return .tag(
            "form", .safeAttribute("method", "get"), .safeAttribute("action", SiteRoute.residencyDirectory.path), .class("search-form"),
            .selectField("Specialty", name: "specialty", choices: p.specialties.map { Choice(value: $0, label: $0) }, selected: q.specialty, error: p.errors.message(for: "specialty"), includeBlank: "Any specialty"),
            .selectField("State", name: "state", choices: USStates.codes.sorted().map { Choice(value: $0, label: $0) }, selected: q.state?.uppercased(), error: p.errors.message(for: "state"), includeBlank: "Any state"),
            .field("Near ZIP code", name: "zip", value: q.zip ?? "", error: p.errors.message(for: "zip"), maxLength: 10),
            .selectField("Within", name: "miles", choices: DirectoryQuery.mileChoices.map { Choice(value: "\($0)", label: "\($0) miles") }, selected: q.miles, error: p.errors.message(for: "miles"), includeBlank: "Any distance"),
            .selectField("Visa", name: "visa", choices: DirectorySearch.Visa.allCases.map { Choice(value: $0.rawValue, label: $0.label) }, selected: q.visa, error: p.errors.message(for: "visa"), includeBlank: "Any"),
            .checkboxGroup("Verdict", name: "verdict", choices: ProgramScreening.Verdict.allCases.map { Choice(value: $0.rawValue, label: $0.displayName) }, checked: Set(q.verdict ?? []), error: p.errors.message(for: "verdict")),
            .tag("button", .safeAttribute("type", "submit"), .class("button primary"), .text("Search"))
        )
    }


    /// Each reason with its source; a reason without one says the directory does not know.
    static func reasons(_ result: ProgramScreening.Result) -> BodyNode {
        .ul(
            .class("reasons"),
            .forEach(result.reasons) { reason in
                .li(
                    .badge(reason.verdict), .safeText(" " + reason.text + " "),
                    reason.source.map { source in .span(.class("source"), .text("Source: "), Self.sourceLinks(source)) } ?? .empty
                )
            }
        )
    }

    /// A source as links where it is web addresses ("8 USC 1182(j)(2)(B); https://…" keeps its text part).
    static func sourceLinks(_ source: String) -> BodyNode {
        let parts = source.components(separatedBy: "; ")
        return .group(
            parts.enumerated().map { index, part -> BodyNode in
                let separator: BodyNode = index == 0 ? .empty : .text("; ")
                if part.hasPrefix("https://") || part.hasPrefix("http://") {
                    return .group(separator, .safeLink(part, .safeText(ResidencyFormat.host(of: part))))
                }
                return .group(separator, .safeText(part))
            })
    }

    private static func hit(_ hit: DirectorySearch.Hit<UUID>, onList: Bool, context: PageContext) -> Node<HTML.ListContext> {
        let program = hit.program
        let id = DirectoryProgramID(rawValue: hit.id)
        var place = "\(program.city), \(program.state)"
        if let miles = hit.miles { place += " · \(Int(miles.rounded())) miles away" }
        return .li(
            .class("directory-program"),
            .h2(.safeLink(SiteRoute.residencyDirectoryProgram(id).path, .safeText(program.name))),
            .p(.safeText("\(program.specialty) · \(program.sponsoringInstitution) · \(place)")),
            .p(.badge(hit.screening.verdict)),
            .element(named: "details", nodes: [.element(named: "summary", nodes: [.text("Why")]), Self.reasons(hit.screening)]),
            onList ? .p(.text("On your program list.")) : .postButton(SiteRoute.addDirectoryProgram(id).path, title: "Add \(program.name) to my list", csrfToken: context.csrfToken)
        )
    }

    private static func pagination(_ query: DirectoryQuery, page: Int, total: Int) -> BodyNode {
        .pagination(page: page, of: SearchQuery.pageCount(total: total, perPage: DirectoryQuery.perPage)) { number in
            SiteRoute.residencyDirectory.path(query: query.queryItems + [("page", "\(number)")])
        }
    }

    static func detail(_ entry: DirectoryEntry, screening: ProgramScreening.Result, onList: Bool, hospital: CMSHospital?, context: PageContext) throws -> PageLayout {
        let program = entry.program()
        let id = try entry.requireTypedID()
        let facts = Dictionary(uniqueKeysWithValues: program.requirements.facts.map { ($0.field, $0) })
        return PageLayout(
            title: program.name,
            context: context,
            content: .div(
                .h1(.safeText(program.name)),
                .p(.safeLink(SiteRoute.residencyDirectory.path, .text("Back to the directory"))),
                .p(.safeText("\(program.specialty) · \(program.sponsoringInstitution) · \(program.city), \(program.state) \(program.zip)")),
                .ul(
                    .li(.safeText("Application service: \(program.service.displayName)")),
                    .li(.safeText("Positions: " + (program.positions.map(String.init) ?? "unknown"))),
                    .li(.safeText("ACGME program id: " + (program.acgmeID ?? "unknown"))),
                    .li(.safeText("NRMP program code: " + (program.nrmpCode ?? "unknown")))
                ),
                hospital.map(Self.hospital) ?? .empty,
                .h2("Your verdict"),
                .p(.badge(screening.verdict)),
                Self.reasons(screening),
                onList ? .p(.text("On your program list.")) : .postButton(SiteRoute.addDirectoryProgram(id).path, title: "Add to my list", csrfToken: context.csrfToken),
                .h2("What the directory records"),
                .stackingTable(
                    ["Requirement", "Value", "Source", "Checked"],
                    rows: ScreeningField.allCases.map { field -> [BodyNode] in
                        guard let fact = facts[field] else { return [.safeText(field.label), .text("Unknown"), .text("—"), .text("—")] }
                        var value = fact.value
                        if field == .usceMonths { value += program.requirements.usceMustBeHandsOn ? " (hands-on only)" : " (any kind)" }
                        return [.safeText(field.label), .safeText(value), Self.sourceLinks(fact.source), .safeText("\(fact.verifiedOn.inWords) by \(fact.verifiedBy)")]
                    }
                )
            )
        )
    }

    static func hospital(_ hospital: CMSHospital) -> BodyNode {
        .section(
            .h2("Hospital"),
            .p(.safeText("\(hospital.name), \(hospital.address), \(hospital.city), \(hospital.state) \(hospital.zip) (CMS certification number \(hospital.ccn)).")),
            .p(.class("source"), .text("Source: CMS Hospital General Information, "), .safeLink(CMSHospital.sourceURL, .text("data.cms.gov")), .text(" (public domain)."))
        )
    }
}
