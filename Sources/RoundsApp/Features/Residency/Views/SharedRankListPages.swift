import Foundation
import Plot
import RoundsCore
import Tagged

/// What an advisor sees of the rank order lists applicants chose to show them: read only.
enum SharedRankListPages {
    static func list(_ shares: [RankListShare], context: PageContext) -> PageLayout {
        PageLayout(
            title: "Rank order lists shared with you",
            context: context,
            content: .div(
                .h1("Rank order lists shared with you"),
                shares.isEmpty
                    ? .p("No applicant has shared a rank order list with you.")
                    : .ul(
                        .forEach(shares) { share in
                            .li(share.id.map { .safeLink(SiteRoute.advisorRankList(RankListShareID(rawValue: $0)).path, .safeText(share.owner.displayName)) } ?? .empty)
                        })
            )
        )
    }

    static func list(_ share: RankListShare, state: RankListState, years: [Int], context: PageContext) throws -> PageLayout {
        let id = try share.requireTypedID()
        let certification: String
        switch state.certification {
        case .never: certification = "Not certified."
        case .current(let at, _): certification = "Certified on \(DisplayFormat.dateTime(at))."
        case .stale(let at, _): certification = "Certified on \(DisplayFormat.dateTime(at)), changed since."
        }
        return PageLayout(
            title: "\(share.owner.displayName): \(state.matchYear) rank order list",
            context: context,
            content: .div(
                .h1(.safeText("\(share.owner.displayName): \(state.matchYear) rank order list")),
                .p(
                    .safeLink(SiteRoute.advisorRankLists.path, .text("All shared lists")), .text(" · Match year: "),
                    .group(years.map { year in year == state.matchYear ? .strong(.text("\(year) ")) : .group(.safeLink(SiteRoute.advisorRankList(id).path(query: [("year", "\(year)")]), .text("\(year)")), .text(" ")) })
                ),
                .p(.text(certification)),
                state.ranked.isEmpty
                    ? .p("Nothing ranked for this year.")
                    : .stackingTable(
                        ["Rank", "Program", "Specialty", "Place", "Supplemental list (PGY-1)"],
                        rows: state.ranked.enumerated().map { index, program in
                            let supplemental = state.supplemental(of: program).map(\.name)
                            return [
                                .text("\(index + 1)"), .safeText(program.name), .safeText(program.specialty),
                                .safeText([program.city, program.state].filter { !$0.isEmpty }.joined(separator: ", ")),
                                .safeText(supplemental.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "; ")),
                            ]
                        }
                    )
            )
        )
    }
}
