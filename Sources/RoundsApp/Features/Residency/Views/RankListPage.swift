import Foundation
import Plot
import RoundsCore
import Tagged

/// The rank order list of one Match year: the order with a form per move (no script needed), the
/// programs that can be added, certification by typed name, the deadline with its source, and exports.
struct RankListPage {
    var state: RankListState
    var shares: [RankListShare] = []
    var errors: ValidationReport
    /// What a refused form held (the certifying name, the advisor's e-mail), shown again as typed.
    var typed: [String: String] = [:]
    var context: PageContext

    var year: Int { self.state.matchYear }
    var query: [(String, String)] { [("year", "\(self.year)")] }

    func layout() -> PageLayout {
        PageLayout(
            title: "Rank order list for the \(self.year) Match",
            context: self.context,
            content: .div(
                .h1(.text("Rank order list for the \(self.year) Match")),
                .p(
                    .safeLink(SiteRoute.residencyPrograms.path(query: self.query), .text("Program list")), .text(" · "),
                    .safeLink(SiteRoute.rankListCSV.path(query: self.query), .text("Download as CSV")), .text(" · "),
                    .safeLink(SiteRoute.rankListSimulation.path(query: self.query), .text("Simulate the Match for this list")), .text(" · "),
                    .safeLink(SiteRoute.coupleRankList.path(query: self.query), .text("Rank as a couple"))
                ),
                self.deadline(),
                self.certificationStatus(),
                .errorSummary(self.errors),
                self.ranked(),
                self.supplementalLists(),
                self.rankable(),
                self.certifyForm(),
                self.advisors()
            )
        )
    }

    private func deadline() -> BodyNode {
        let limit = self.state.list.maximumRanks
        guard let milestone = self.state.deadline else {
            return .p(.text("Certification deadline: not published yet. At most \(limit) programs (NRMP). "), .source(self.state.maximumRanks))
        }
        return .p(
            .safeText("Certification deadline: \(ResidencyFormat.milestone(milestone)). "), .source(milestone.provenance),
            .text(" At most \(limit) programs (NRMP). "), .source(self.state.maximumRanks),
            self.state.closed.map { .p(.class("notice"), .safeText($0)) } ?? .empty
        )
    }

    private func certificationStatus() -> BodyNode {
        switch self.state.certification {
        case .never:
            return .p(.class("notice"), .text("Not certified: the NRMP uses only a certified list."))
        case .current(let at, let name):
            return .p(.class("certified"), .safeText("Certified by \(name) on \(DisplayFormat.dateTime(at)); this order is the one certified."))
        case .stale(let at, let name):
            return .p(.class("notice"), .safeText("Changed since \(name) certified it on \(DisplayFormat.dateTime(at)): certify again."))
        }
    }

    private func moveButton(_ program: ResidencyProgram, _ action: String, _ title: String) -> BodyNode {
        .postForm(
            SiteRoute.rankListMove.path(query: self.query), csrfToken: self.context.csrfToken,
            .voidTag("input", [("type", "hidden"), ("name", "program"), ("value", program.id?.uuidString ?? "")]),
            .voidTag("input", [("type", "hidden"), ("name", "action"), ("value", action)]),
            .tag("button", .safeAttribute("type", "submit"), .class("button link"), .safeText(title))
        )
    }

    private func ranked() -> BodyNode {
        guard !self.state.ranked.isEmpty else { return .p(.text("No programs ranked yet: add them from the programs below.")) }
        let count = self.state.ranked.count
        return .stackingTable(
            ["Rank", "Program", "Specialty", "Place", "Move"],
            rows: Array(self.state.ranked.enumerated()).map { index, program in
                [
                    .text("\(index + 1)"),
                    .safeText(program.name),
                    .safeText(program.specialty),
                    .safeText([program.city, program.state].filter { !$0.isEmpty }.joined(separator: ", ")),
                    .div(
                        .class("moves"),
                        index > 0 ? self.moveButton(program, "up", "Up: \(program.name)") : .empty,
                        index < count - 1 ? self.moveButton(program, "down", "Down: \(program.name)") : .empty,
                        .postForm(
                            SiteRoute.rankListMove.path(query: self.query), csrfToken: self.context.csrfToken,
                            .voidTag("input", [("type", "hidden"), ("name", "program"), ("value", program.id?.uuidString ?? "")]),
                            .voidTag("input", [("type", "hidden"), ("name", "action"), ("value", "to")]),
                            .field("Move \(program.name) to rank", name: "position", type: "number", id: "position-\(program.id?.uuidString ?? "")"),
                            .tag("button", .safeAttribute("type", "submit"), .class("button"), .text("Move"))
                        ),
                        self.moveButton(program, "remove", "Remove: \(program.name)")
                    ),
                ]
            },
            kind: "rank-list"
        )
    }

    private func supplementalButton(_ advanced: String, _ program: String, _ action: String, _ title: String) -> BodyNode {
        .postForm(
            SiteRoute.rankListSupplemental.path(query: self.query), csrfToken: self.context.csrfToken,
            .voidTag("input", [("type", "hidden"), ("name", "advanced"), ("value", advanced)]),
            .voidTag("input", [("type", "hidden"), ("name", "program"), ("value", program)]),
            .voidTag("input", [("type", "hidden"), ("name", "action"), ("value", action)]),
            .tag("button", .safeAttribute("type", "submit"), .class("button link"), .safeText(title))
        )
    }

    /// The supplemental PGY-1 lists linked to ranked programs, and one form to add to any of them (one form,
    /// not one per program, so a 300-program list does not carry 300 copies of the program choices).
    private func supplementalLists() -> BodyNode {
        guard !self.state.ranked.isEmpty else { return .empty }
        let open = self.state.programs.values.filter { !$0.status.isClosed }.sorted { $0.name < $1.name }
        let linked = self.state.ranked.compactMap { advanced -> (ResidencyProgram, [ResidencyProgram])? in
            let list = self.state.supplemental(of: advanced)
            return list.isEmpty ? nil : (advanced, list)
        }
        return .section(
            .h2("Supplemental lists (PGY-1)"),
            .p(
                .text("If you rank advanced (PGY-2) programs, link a list of preliminary PGY-1 programs to each. The NRMP uses a supplemental list only if you match the advanced program it is linked to; matching the advanced program without a PGY-1 position is still a match. "),
                .safeLink(RankOrderList.supplementalSource, .text("Source: NRMP, About Supplemental Rank Order Lists"))
            ),
            .forEach(linked) { advanced, list in
                let key = advanced.id?.uuidString ?? ""
                return .div(
                    .class("supplemental-list"),
                    .h3(.safeText("Supplemental list for \(advanced.name) (\(counted(list.count, "program")))")),
                    .ol(
                        .forEach(Array(list.enumerated())) { index, program in
                            let programKey = program.id?.uuidString ?? ""
                            return .li(
                                .safeText("\(program.name) (\(program.specialty)) "),
                                index > 0 ? self.supplementalButton(key, programKey, "up", "Up: \(program.name) under \(advanced.name)") : .empty,
                                index < list.count - 1 ? self.supplementalButton(key, programKey, "down", "Down: \(program.name) under \(advanced.name)") : .empty,
                                self.supplementalButton(key, programKey, "remove", "Remove: \(program.name) from under \(advanced.name)")
                            )
                        })
                )
            },
            self.state.closed != nil
                ? .empty
                : .postForm(
                    SiteRoute.rankListSupplemental.path(query: self.query), csrfToken: self.context.csrfToken,
                    .voidTag("input", [("type", "hidden"), ("name", "action"), ("value", "add")]),
                    .selectField(
                        "Ranked program the list belongs to", name: "advanced",
                        // Where the type is known, only advanced programs carry a list and only preliminary ones go on it.
                        choices: self.state.ranked.filter { ($0.positionType ?? .advanced) == .advanced }.map { Choice(value: $0.id?.uuidString ?? "", label: $0.name) },
                        selected: nil),
                    .selectField(
                        "PGY-1 program to add", name: "program",
                        choices: open.filter { ($0.positionType ?? .preliminary) == .preliminary }.map {
                            Choice(value: $0.id?.uuidString ?? "", label: "\($0.name) (\($0.specialty))")
                        }, selected: nil),
                    .submit("Add to a supplemental list")
                )
        )
    }

    private func rankable() -> BodyNode {
        guard !self.state.rankable.isEmpty else { return .empty }
        return .section(
            .h2("Programs you can rank"),
            .ul(
                .forEach(self.state.rankable) { program in
                    .li(.safeText("\(program.name) (\(program.specialty), \(program.status.displayName)) "), self.moveButton(program, "add", "Rank \(program.name)"))
                }
            )
        )
    }

    /// Who besides the applicant can read the lists: the advisors they chose, each removable.
    private func advisors() -> BodyNode {
        .section(
            .h2("Advisors who can see your lists"),
            self.shares.isEmpty
                ? .p(.text("Only you can see your rank order lists."))
                : .ul(
                    .forEach(self.shares) { share in
                        .li(
                            .safeText(share.advisor.displayName + " "),
                            share.id.map { .postButton(SiteRoute.deleteRankListShare(RankListShareID(rawValue: $0)).path, title: "Stop sharing with \(share.advisor.displayName)", csrfToken: self.context.csrfToken, style: "link") } ?? .empty
                        )
                    }),
            .postForm(
                SiteRoute.rankListAdvisors.path(query: self.query), csrfToken: self.context.csrfToken,
                .field("Advisor's e-mail", name: "email", value: self.typed["email"] ?? "", type: "email", error: self.errors.message(for: "email"), maxLength: EmailAddress.maximumLength),
                .submit("Let this advisor see my lists")
            )
        )
    }

    private func certifyForm() -> BodyNode {
        guard self.state.closed == nil, !self.state.ranked.isEmpty else { return .empty }
        return .section(
            .h2("Certify"),
            .p(.text("Certifying says this order is final until you change it; a list changed after certification must be certified again.")),
            .postForm(
                SiteRoute.rankListCertify.path(query: self.query), csrfToken: self.context.csrfToken,
                .field("Type your name to certify", name: "name", value: self.typed["name"] ?? "", error: self.errors.message(for: "name"), maxLength: 200),
                .submit("Certify the list")
            )
        )
    }
}
